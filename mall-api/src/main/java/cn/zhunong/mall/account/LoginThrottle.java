package cn.zhunong.mall.account;

import cn.zhunong.mall.infra.crypto.Sha256;
import cn.zhunong.mall.infra.security.SecurityProperties;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins in Redis per account and per client address. A counter lives for the
 * failure window from its first failure; when it reaches its limit it is kept for the lock
 * duration instead, and while it stands at or above the limit every login for that account (or
 * from that address) is refused, with the right password too. Both steps are Lua scripts, so
 * parallel attempts can neither skip the limit nor reset the lock.
 */
@Component
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    static final String ACCOUNT_PREFIX = "auth:login-fail:account:";
    static final String IP_PREFIX = "auth:login-fail:ip:";

    /** KEYS: account, ip; ARGV: account max, ip max, lock ms. Returns the longest lock left in ms, or -1. */
    private static final RedisScript<Long> CHECK = RedisScript.of("""
            local function locked(key, max)
              local n = tonumber(redis.call('GET', key) or '0')
              if n < max then return -1 end
              local ttl = redis.call('PTTL', key)
              if ttl < 0 then return tonumber(ARGV[3]) end
              return ttl
            end
            return math.max(locked(KEYS[1], tonumber(ARGV[1])), locked(KEYS[2], tonumber(ARGV[2])))
            """, Long.class);

    /** KEYS: account, ip; ARGV: account max, ip max, lock ms, window ms. Returns the lock in ms, or -1. */
    private static final RedisScript<Long> FAIL = RedisScript.of("""
            local function hit(key, max)
              local n = redis.call('INCR', key)
              if n == 1 then redis.call('PEXPIRE', key, ARGV[4]) end
              if n == max then redis.call('PEXPIRE', key, ARGV[3]) end
              if n < max then return -1 end
              return redis.call('PTTL', key)
            end
            return math.max(hit(KEYS[1], tonumber(ARGV[1])), hit(KEYS[2], tonumber(ARGV[2])))
            """, Long.class);

    private final StringRedisTemplate redis;
    private final String accountMax;
    private final String ipMax;
    private final String lockMillis;
    private final String windowMillis;

    public LoginThrottle(StringRedisTemplate redis, SecurityProperties security, LoginThrottleProperties properties) {
        this.redis = redis;
        this.accountMax = Integer.toString(security.maxLoginFailures());
        this.ipMax = Integer.toString(properties.maxFailuresPerIp());
        this.lockMillis = Long.toString(security.lockDuration().toMillis());
        this.windowMillis = Long.toString(properties.failureWindow().toMillis());
    }

    /** Throws 429 LOGIN_LOCKED while the account or the address is locked. */
    public void requireNotLocked(String login, String clientIp) {
        Long left = redis.execute(CHECK, keys(login, clientIp), accountMax, ipMax, lockMillis);
        if (left != null && left >= 0) {
            throw new LoginLockedException(seconds(left));
        }
    }

    /** Counts a failure; throws 429 LOGIN_LOCKED if this failure reached a limit. */
    public void recordFailure(String login, String clientIp) {
        Long lock = redis.execute(FAIL, keys(login, clientIp), accountMax, ipMax, lockMillis, windowMillis);
        if (lock != null && lock >= 0) {
            log.warn("Login locked after repeated failures (account key {}, address {})", accountKey(login), clientIp);
            throw new LoginLockedException(seconds(lock));
        }
    }

    /** A successful login forgets the account's failures; the address keeps its count. */
    public void reset(String login) {
        redis.delete(accountKey(login));
    }

    private static List<String> keys(String login, String clientIp) {
        return List.of(accountKey(login), IP_PREFIX + clientIp);
    }

    /** Hashed, so Redis holds no phone numbers; canonical, so "Admin" and "admin" share a counter. */
    static String accountKey(String login) {
        byte[] digest = Sha256.digest(LoginNames.canonical(login).getBytes(StandardCharsets.UTF_8));
        return ACCOUNT_PREFIX + HexFormat.of().formatHex(digest, 0, 16);
    }

    private static long seconds(long millis) {
        return Math.max(1, (millis + 999) / 1000);
    }
}
