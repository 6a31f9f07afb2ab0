package cn.zhunong.mall.infra.security;

import cn.zhunong.common.security.AccessTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * The Redis denylist for access tokens. A single token is revoked by its jti (logout) until it
 * would have expired anyway. All of a user's tokens are revoked by bumping the user's token
 * generation (password change, account disabled): a token carries the generation it was issued
 * in and is valid only while that is still current. A counter, unlike a "revoked before"
 * instant, cannot confuse tokens issued in the same (milli)second as the revocation. Both checks
 * are one MGET on every authenticated request.
 */
@Component
public class TokenRevocation implements OAuth2TokenValidator<Jwt> {

    private static final OAuth2Error REVOKED = new OAuth2Error("invalid_token", "token revoked", null);

    private final StringRedisTemplate redis;
    private final Clock clock;

    public TokenRevocation(StringRedisTemplate redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    public void revokeToken(String jti, Instant expiresAt) {
        Duration left = Duration.between(clock.instant(), expiresAt);
        if (!left.isNegative() && !left.isZero()) {
            redis.opsForValue().set(AccessTokens.DENYLIST_PREFIX + jti, "1", left);
        }
    }

    public void revokeAllOf(long userId) {
        redis.opsForValue().increment(AccessTokens.GENERATION_PREFIX + userId);
    }

    /** The generation new tokens of this user are issued in. */
    public long currentGeneration(long userId) {
        String value = redis.opsForValue().get(AccessTokens.GENERATION_PREFIX + userId);
        return value == null ? 0 : Long.parseLong(value);
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        List<String> values = redis.opsForValue().multiGet(AccessTokens.revocationKeys(jwt));
        return AccessTokens.isRevoked(jwt, values) ? OAuth2TokenValidatorResult.failure(REVOKED) : OAuth2TokenValidatorResult.success();
    }
}
