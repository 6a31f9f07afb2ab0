package cn.zhunong.mall.account;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhunong.mall.support.ApiTest;
import cn.zhunong.mall.support.TestData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * 5 failures lock an account, 20 lock a client address, for 15 minutes. Each test fails logins
 * from its own loopback address (see {@link LoopbackClient}) so 127.0.0.1 is never locked.
 */
class LoginThrottleApiTest extends ApiTest {

    private static final String PASSWORD = "Zhunong@2026";
    private static final String WRONG = "Wrong#Pass1";

    @Autowired
    StringRedisTemplate redis;

    @Test
    void fiveFailuresLockTheAccountEvenForTheRightPassword() {
        String phone = registered();
        LoopbackClient client = LoopbackClient.fresh(port);
        for (int i = 1; i <= 4; i++) {
            assertThat(client.login(phone, WRONG).code()).as("failure " + i).isEqualTo("BAD_CREDENTIALS");
        }
        LoopbackClient.Reply fifth = client.login(phone, WRONG);
        assertThat(fifth.status()).isEqualTo(429);
        assertThat(fifth.code()).isEqualTo("LOGIN_LOCKED");

        LoopbackClient.Reply right = client.login(phone, PASSWORD);
        assertThat(right.status()).isEqualTo(429);
        assertThat(right.code()).isEqualTo("LOGIN_LOCKED");
        long retryAfter = right.response().json().path("retryAfterSeconds").asLong();
        assertThat(retryAfter).isBetween(14 * 60L, 15 * 60L);
        assertThat(Long.parseLong(right.header("Retry-After"))).isEqualTo(retryAfter);
        assertThat(right.response().body()).doesNotContain(phone);

        // the lock is on the account, whatever address the next attempt comes from
        assertThat(LoopbackClient.fresh(port).login(phone, PASSWORD).code()).isEqualTo("LOGIN_LOCKED");
        // login names are compared case-insensitively by the database, so are their counters
        assertThat(LoginThrottle.accountKey(" Staff.Li ")).isEqualTo(LoginThrottle.accountKey("staff.li"));
    }

    @Test
    void theLockLastsFifteenMinutesAndThenLoginWorksAgain() {
        String phone = registered();
        LoopbackClient client = LoopbackClient.fresh(port);
        for (int i = 0; i < 5; i++) {
            client.login(phone, WRONG);
        }
        String key = LoginThrottle.accountKey(phone);
        Long ttl = redis.getExpire(key, TimeUnit.MILLISECONDS);
        assertThat(Duration.ofMillis(ttl)).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(15));
        assertThat(client.login(phone, PASSWORD).code()).isEqualTo("LOGIN_LOCKED");

        // fast-forward: the lock is the Redis key's lifetime, so ending that lifetime is 15 minutes passing
        redis.delete(key);
        assertThat(client.login(phone, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aSuccessfulLoginResetsTheAccountCounter() {
        String phone = registered();
        LoopbackClient client = LoopbackClient.fresh(port);
        for (int i = 0; i < 4; i++) {
            assertThat(client.login(phone, WRONG).code()).isEqualTo("BAD_CREDENTIALS");
        }
        assertThat(client.login(phone, PASSWORD).status()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            assertThat(client.login(phone, WRONG).code()).isEqualTo("BAD_CREDENTIALS");
        }
        assertThat(client.login(phone, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void unknownLoginsAreThrottledLikeRealOnes() {
        String unknown = TestData.phone();
        LoopbackClient client = LoopbackClient.fresh(port);
        for (int i = 0; i < 4; i++) {
            assertThat(client.login(unknown, WRONG).code()).isEqualTo("BAD_CREDENTIALS");
        }
        assertThat(client.login(unknown, WRONG).code()).isEqualTo("LOGIN_LOCKED");
    }

    @Test
    void parallelFailuresCannotSlipPastTheLimit() throws Exception {
        String phone = registered();
        int attempts = 12;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                LoopbackClient client = LoopbackClient.fresh(port);
                results.add(pool.submit(() -> {
                    start.await();
                    return client.login(phone, WRONG).status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get(60, TimeUnit.SECONDS));
            }
            // at most 4 can be plain failures: the fifth counted failure locks, whatever the interleaving
            assertThat(statuses).filteredOn(s -> s == 401).hasSizeLessThanOrEqualTo(4);
            assertThat(statuses).filteredOn(s -> s == 429).hasSizeGreaterThanOrEqualTo(attempts - 4);
        } finally {
            pool.shutdownNow();
        }
        assertThat(LoopbackClient.fresh(port).login(phone, PASSWORD).code()).isEqualTo("LOGIN_LOCKED");
    }

    @Test
    void twentyFailuresFromOneAddressLockThatAddressOnly() {
        String victim = registered();
        LoopbackClient office = LoopbackClient.fresh(port);
        // 20 different accounts, 1 failure each: no account reaches its own limit
        for (int i = 1; i <= 19; i++) {
            assertThat(office.login(TestData.phone(), WRONG).code()).as("failure " + i).isEqualTo("BAD_CREDENTIALS");
        }
        LoopbackClient.Reply twentieth = office.login(TestData.phone(), WRONG);
        assertThat(twentieth.status()).isEqualTo(429);
        assertThat(twentieth.code()).isEqualTo("LOGIN_LOCKED");
        assertThat(twentieth.header("Retry-After")).isNotBlank();

        LoopbackClient.Reply locked = office.login(victim, PASSWORD);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.response().json().path("retryAfterSeconds").asLong()).isPositive();
        // the same account from another address is fine
        assertThat(LoopbackClient.fresh(port).login(victim, PASSWORD).status()).isEqualTo(200);

        redis.delete(LoginThrottle.IP_PREFIX + office.address());
        assertThat(office.login(victim, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void fewerFailuresThanTheAddressLimitLeaveOthersBehindTheSameNatAlone() {
        LoopbackClient office = LoopbackClient.fresh(port);
        String colleague = registered();
        String mistyper = registered();
        for (int i = 0; i < 5; i++) {
            office.login(mistyper, WRONG);
        }
        assertThat(office.login(mistyper, PASSWORD).code()).isEqualTo("LOGIN_LOCKED");
        assertThat(office.login(colleague, PASSWORD).status()).isEqualTo(200);
    }

    private String registered() {
        String phone = TestData.phone();
        assertThat(api().post("/api/v1/auth/register", null,
                Map.of("phone", phone, "password", PASSWORD, "displayName", "测试居民")).status()).isEqualTo(201);
        return phone;
    }
}
