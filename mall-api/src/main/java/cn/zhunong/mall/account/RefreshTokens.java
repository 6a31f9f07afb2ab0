package cn.zhunong.mall.account;

import cn.zhunong.mall.infra.crypto.Sha256;
import cn.zhunong.mall.infra.security.SecurityProperties;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Opaque refresh tokens: 256 random bits handed to the client once; Redis keeps only their
 * SHA-256, mapped to the user id, for the refresh-token lifetime. Each token is single use: it is
 * taken with GETDEL when rotated, and a marker remembers it, so presenting it again is recognised
 * as reuse (a stolen copy) and ends all of the user's sessions.
 */
@Component
public class RefreshTokens {

    private static final Logger log = LoggerFactory.getLogger(RefreshTokens.class);

    static final String TOKEN_PREFIX = "auth:refresh:";
    static final String USED_PREFIX = "auth:refresh-used:";
    static final String USER_PREFIX = "auth:refresh-of:";

    private final StringRedisTemplate redis;
    private final Clock clock;
    private final Duration ttl;
    private final SecureRandom random = new SecureRandom();

    public RefreshTokens(StringRedisTemplate redis, Clock clock, SecurityProperties properties) {
        this.redis = redis;
        this.clock = clock;
        this.ttl = properties.refreshTokenTtl();
    }

    public record Issued(String value, Instant expiresAt) {
    }

    /** What presenting a refresh token found. */
    public sealed interface Redeemed {
        record Valid(long userId) implements Redeemed {
        }

        /** A token already rotated away: someone holds a copy. */
        record Reused(long userId) implements Redeemed {
        }

        record Unknown() implements Redeemed {
        }
    }

    public Issued issue(long userId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String hash = hash(token);
        redis.opsForValue().set(TOKEN_PREFIX + hash, Long.toString(userId), ttl);
        redis.opsForSet().add(USER_PREFIX + userId, hash);
        redis.expire(USER_PREFIX + userId, ttl);
        return new Issued(token, clock.instant().plus(ttl));
    }

    /** Takes the token out of Redis atomically, so of two parallel refreshes only one succeeds. */
    public Redeemed redeem(String token) {
        String hash = hash(token);
        String owner = redis.opsForValue().getAndDelete(TOKEN_PREFIX + hash);
        if (owner != null) {
            long userId = Long.parseLong(owner);
            redis.opsForValue().set(USED_PREFIX + hash, owner, ttl);
            redis.opsForSet().remove(USER_PREFIX + userId, hash);
            return new Redeemed.Valid(userId);
        }
        String reusedBy = redis.opsForValue().get(USED_PREFIX + hash);
        if (reusedBy != null) {
            log.warn("Reuse of a rotated refresh token for user {}", reusedBy);
            return new Redeemed.Reused(Long.parseLong(reusedBy));
        }
        return new Redeemed.Unknown();
    }

    /** Deletes the token if it belongs to the user (logout); someone else's token is left alone. */
    public void revoke(String token, long userId) {
        String hash = hash(token);
        String owner = redis.opsForValue().get(TOKEN_PREFIX + hash);
        if (Long.toString(userId).equals(owner)) {
            redis.delete(TOKEN_PREFIX + hash);
            redis.opsForSet().remove(USER_PREFIX + userId, hash);
        }
    }

    /** Ends every refresh token of the user (password change, account disabled, reuse detected). */
    public void revokeAll(long userId) {
        Set<String> hashes = redis.opsForSet().members(USER_PREFIX + userId);
        if (hashes != null && !hashes.isEmpty()) {
            redis.delete(hashes.stream().map(h -> TOKEN_PREFIX + h).toList());
        }
        redis.delete(USER_PREFIX + userId);
    }

    static String hash(String token) {
        return Sha256.hex(token);
    }
}
