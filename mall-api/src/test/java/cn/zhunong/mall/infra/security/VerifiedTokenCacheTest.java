package cn.zhunong.mall.infra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhunong.common.security.AccessTokens;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** A cached token is still refused once it expires or is revoked; a token that failed verification is never cached. */
class VerifiedTokenCacheTest {

    private static final String SECRET = "a-test-secret-that-is-long-enough-32b";

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-23T10:00:00Z"));
    private final AtomicInteger fullDecodes = new AtomicInteger();
    private final AtomicReference<Boolean> revoked = new AtomicReference<>(false);

    private final NimbusJwtDecoder nimbus = AccessTokens.decoder(SECRET);
    private final JwtDecoder counting = token -> {
        fullDecodes.incrementAndGet();
        return nimbus.decode(token);
    };
    private final OAuth2TokenValidator<Jwt> revocation = jwt -> revoked.get()
            ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "token revoked", null))
            : OAuth2TokenValidatorResult.success();

    private VerifiedTokenCache cache(int capacity) {
        JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ZERO);
        expiry.setClock(new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        });
        nimbus.setJwtValidator(expiry);
        return new VerifiedTokenCache(counting, new DelegatingOAuth2TokenValidator<>(expiry, revocation), capacity);
    }

    private String token(String subject, String secret, Duration ttl) {
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableSecret<>(AccessTokens.key(secret)));
        JwtClaimsSet claims = JwtClaimsSet.builder().subject(subject).issuedAt(now.get()).expiresAt(now.get().plus(ttl))
                .id(subject + "-jti").build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
    }

    @Test
    void aTokenIsVerifiedOnceAndThenServedFromTheCache() {
        VerifiedTokenCache cache = cache(100);
        String token = token("7", SECRET, Duration.ofMinutes(30));
        for (int i = 0; i < 5; i++) {
            assertThat(cache.decode(token).getSubject()).isEqualTo("7");
        }
        assertThat(fullDecodes).hasValue(1);
    }

    @Test
    void aCachedTokenIsRefusedOnceItExpires() {
        VerifiedTokenCache cache = cache(100);
        String token = token("8", SECRET, Duration.ofMinutes(30));
        cache.decode(token);
        now.set(now.get().plus(Duration.ofMinutes(31)));
        assertThatThrownBy(() -> cache.decode(token)).isInstanceOf(JwtValidationException.class);
        assertThat(cache.size()).isZero();
    }

    @Test
    void aCachedTokenIsRefusedOnceRevoked() {
        VerifiedTokenCache cache = cache(100);
        String token = token("9", SECRET, Duration.ofMinutes(30));
        cache.decode(token);
        revoked.set(true);
        assertThatThrownBy(() -> cache.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("revoked");
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefusedEveryTimeAndNeverCached() {
        VerifiedTokenCache cache = cache(100);
        String forged = token("10", "another-secret-that-is-long-enough-32", Duration.ofMinutes(30));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> cache.decode(forged)).isInstanceOf(BadJwtException.class);
        }
        assertThat(fullDecodes).hasValue(3);
        assertThat(cache.size()).isZero();
    }

    @Test
    void theCacheNeverGrowsBeyondItsCapacity() {
        VerifiedTokenCache cache = cache(3);
        for (int i = 0; i < 10; i++) {
            cache.decode(token("u" + i, SECRET, Duration.ofMinutes(30)));
            assertThat(cache.size()).isLessThanOrEqualTo(3);
        }
    }
}
