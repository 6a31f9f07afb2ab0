package cn.zhunong.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class AccessTokensTest {

    private static Jwt token(Object generation) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "HS256").subject("7").jti("j1")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        if (generation != null) {
            builder.claim(AccessTokens.CLAIM_GENERATION, generation);
        }
        return builder.build();
    }

    @Test
    void theKeysAreTheDenylistEntryAndTheUsersGeneration() {
        assertThat(AccessTokens.revocationKeys(token(0L))).containsExactly("auth:deny:j1", "auth:token-gen:7");
    }

    @Test
    void aTokenIsValidOnlyWhileNotDeniedAndOfTheCurrentGeneration() {
        assertThat(AccessTokens.isRevoked(token(0L), Arrays.asList(null, null))).isFalse();
        assertThat(AccessTokens.isRevoked(token(3L), Arrays.asList(null, "3"))).isFalse();
        assertThat(AccessTokens.isRevoked(token(2L), Arrays.asList(null, "3"))).isTrue();
        assertThat(AccessTokens.isRevoked(token(0L), Arrays.asList("1", null))).isTrue();
        assertThat(AccessTokens.isRevoked(token(null), Arrays.asList(null, null))).isTrue();
        assertThat(AccessTokens.isRevoked(token(0L), null)).isTrue();
        assertThat(AccessTokens.isRevoked(token(0L), List.of())).isTrue();
    }

    @Test
    void secretsShorterThan32BytesAreRefused() {
        assertThatThrownBy(() -> AccessTokens.key("short")).isInstanceOf(IllegalStateException.class);
        assertThat(AccessTokens.key("x".repeat(32)).getAlgorithm()).isEqualTo("HmacSHA256");
    }
}
