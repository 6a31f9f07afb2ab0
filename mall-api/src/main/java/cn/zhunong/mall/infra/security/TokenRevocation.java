package cn.zhunong.mall.infra.security;

import cn.zhunong.common.security.AccessTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * The Redis denylist for access tokens. A single token is revoked by its jti (logout) until it
 * would have expired anyway; all of a user's tokens are revoked by a "revoked before" instant
 * (password change, account disabled). Both are checked on every authenticated request.
 */
@Component
public class TokenRevocation implements OAuth2TokenValidator<Jwt> {

    /**
     * Issue time in milliseconds. {@code iat} is a NumericDate in whole seconds, so without this a
     * token issued just after {@link #revokeAllOf} (a new login after a password change) in the
     * same second would be refused.
     */
    static final String CLAIM_ISSUED_AT_MILLIS = "iatMs";

    private static final OAuth2Error REVOKED = new OAuth2Error("invalid_token", "token revoked", null);

    private final StringRedisTemplate redis;
    private final Clock clock;
    private final Duration maxTokenLifetime;

    public TokenRevocation(StringRedisTemplate redis, Clock clock, SecurityProperties properties) {
        this.redis = redis;
        this.clock = clock;
        this.maxTokenLifetime = properties.accessTokenTtl();
    }

    public void revokeToken(String jti, Instant expiresAt) {
        Duration left = Duration.between(clock.instant(), expiresAt);
        if (!left.isNegative() && !left.isZero()) {
            redis.opsForValue().set(AccessTokens.DENYLIST_PREFIX + jti, "1", left);
        }
    }

    public void revokeAllOf(long userId) {
        redis.opsForValue().set(AccessTokens.REVOKED_BEFORE_PREFIX + userId,
                Long.toString(clock.instant().toEpochMilli()), maxTokenLifetime);
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        List<String> values = redis.opsForValue().multiGet(Arrays.asList(
                AccessTokens.DENYLIST_PREFIX + jwt.getId(),
                AccessTokens.REVOKED_BEFORE_PREFIX + jwt.getSubject()));
        if (values == null) {
            return OAuth2TokenValidatorResult.failure(REVOKED);
        }
        if (values.get(0) != null) {
            return OAuth2TokenValidatorResult.failure(REVOKED);
        }
        String revokedBefore = values.get(1);
        Long issuedAt = issuedAtMillis(jwt);
        if (revokedBefore != null && issuedAt != null && issuedAt <= Long.parseLong(revokedBefore)) {
            return OAuth2TokenValidatorResult.failure(REVOKED);
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static Long issuedAtMillis(Jwt jwt) {
        if (jwt.getClaim(CLAIM_ISSUED_AT_MILLIS) instanceof Number millis) {
            return millis.longValue();
        }
        return jwt.getIssuedAt() == null ? null : jwt.getIssuedAt().toEpochMilli();
    }
}
