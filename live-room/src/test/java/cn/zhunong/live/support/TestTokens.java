package cn.zhunong.live.support;

import cn.zhunong.common.security.AccessTokens;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Access tokens shaped exactly like mall-api's (AccessTokenIssuer), signed with the test secret. */
public final class TestTokens {

    private static final NimbusJwtEncoder ENCODER =
            new NimbusJwtEncoder(new ImmutableSecret<>(AccessTokens.key(LiveTestInfra.JWT_SECRET)));

    private TestTokens() {
    }

    public static String citizen(long userId, String name) {
        return token(userId, "CITIZEN", null, name, Duration.ofMinutes(15));
    }

    public static String host(long userId, long streamerId, String name) {
        return token(userId, "HOST", streamerId, name, Duration.ofMinutes(15));
    }

    public static String admin(long userId) {
        return token(userId, "PLATFORM_ADMIN", null, "平台管理员", Duration.ofMinutes(15));
    }

    public static String staff(long userId) {
        return token(userId, "AGENCY_STAFF", null, "社工", Duration.ofMinutes(15));
    }

    public static String expired(long userId) {
        return token(userId, "CITIZEN", null, "过期", Duration.ofMinutes(-5));
    }

    /**
     * A valid citizen token with one signature character changed. The first character is flipped:
     * the last one carries padding bits, and replacing it with a fixed letter left the token
     * unchanged whenever it already was that letter (one run in sixteen).
     */
    public static String forged(long userId) {
        String token = citizen(userId, "x");
        int signature = token.lastIndexOf('.') + 1;
        char flipped = token.charAt(signature) == 'A' ? 'B' : 'A';
        return token.substring(0, signature) + flipped + token.substring(signature + 1);
    }

    public static String token(long userId, String role, Long streamerId, String name, Duration ttl) {
        Instant now = Instant.now();
        Instant issued = ttl.isNegative() ? now.plus(ttl).minusSeconds(60) : now;
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer("zhunong-mall-api")
                .subject(Long.toString(userId))
                .id(UUID.randomUUID().toString())
                .issuedAt(issued)
                .claim(AccessTokens.CLAIM_GENERATION, 0)
                .expiresAt(now.plus(ttl))
                .claim(AccessTokens.CLAIM_ROLE, role)
                .claim(AccessTokens.CLAIM_NAME, name);
        if (streamerId != null) {
            claims.claim(AccessTokens.CLAIM_STREAMER, streamerId);
        }
        return ENCODER.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
                .getTokenValue();
    }
}
