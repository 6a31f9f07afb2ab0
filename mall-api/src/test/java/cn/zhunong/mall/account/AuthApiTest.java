package cn.zhunong.mall.account;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhunong.mall.support.Api;
import cn.zhunong.mall.support.ApiTest;
import cn.zhunong.mall.support.TestData;
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
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Sign-up, login, /me, logout, refresh rotation and password change over real HTTP. */
class AuthApiTest extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    private static final String PASSWORD = "Zhunong@2026";
    private static final String NEW_PASSWORD = "Xiangcun#2027";

    @Test
    void citizenRegistersLogsInAndSeesOwnMaskedProfile() {
        String phone = TestData.phone();
        Api.Response registered = register(phone, PASSWORD, "王小芳");
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.json().path("role").asString()).isEqualTo("CITIZEN");
        assertThat(registered.json().path("loginMasked").asString()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));

        Api.Response login = login(phone, PASSWORD);
        assertThat(login.status()).isEqualTo(200);
        JsonNode tokens = login.json();
        assertThat(tokens.path("accessToken").asString()).isNotBlank();
        assertThat(tokens.path("refreshToken").asString()).hasSizeGreaterThanOrEqualTo(43); // 256 bits, base64url
        assertThat(tokens.path("accessTokenExpiresAt").asString()).isNotBlank();
        assertThat(tokens.path("refreshTokenExpiresAt").asString()).isNotBlank();
        assertThat(tokens.path("user").path("id").asLong()).isEqualTo(registered.json().path("id").asLong());
        assertThat(tokens.path("user").path("displayName").asString()).isEqualTo("王小芳");
        assertThat(tokens.path("user").path("agencyId").isNull()).isTrue();
        assertThat(login.body()).doesNotContain(phone);

        Api.Response me = api().get("/api/v1/me", tokens.path("accessToken").asString());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("role").asString()).isEqualTo("CITIZEN");
        assertThat(me.json().path("loginMasked").asString()).contains("****");
        assertThat(me.body()).doesNotContain(phone);
        assertThat(me.body()).doesNotContain("password");
    }

    @Test
    void aPhoneCanRegisterOnlyOnce() {
        String phone = TestData.phone();
        assertThat(register(phone, PASSWORD, "甲").status()).isEqualTo(201);
        Api.Response again = register(phone, "Another#Pass1", "乙");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("PHONE_ALREADY_REGISTERED");
        assertThat(again.body()).doesNotContain(phone);
    }

    @Test
    void parallelSignUpsWithOnePhoneCreateExactlyOneAccount() throws Exception {
        String phone = TestData.phone();
        int threads = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Api.Response>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    start.await();
                    return register(phone, PASSWORD, "并发" + n);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Api.Response> result : results) {
                Api.Response response = result.get(60, TimeUnit.SECONDS);
                statuses.add(response.status());
                if (response.status() != 201) {
                    assertThat(response.code()).isEqualTo("PHONE_ALREADY_REGISTERED");
                }
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(threads - 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void weakPasswordsAreRefusedWithTheReason() {
        String phone = TestData.phone();
        for (String weak : List.of("short1A", "alllowercase", "Aa123456", "P@ssw0rd", "Zz" + phone)) {
            Api.Response response = register(phone, weak, "弱密码");
            assertThat(response.status()).as(weak).isEqualTo(400);
            assertThat(response.code()).as(weak).isEqualTo("WEAK_PASSWORD");
            assertThat(response.json().path("detail").asString()).as(weak).isNotBlank();
            assertThat(response.body()).doesNotContain(weak);
        }
        assertThat(LoopbackClient.fresh(port).login(phone, "Aa123456").status()).isEqualTo(401);
    }

    @Test
    void invalidSignUpsAreRefusedWithStableCodes() {
        Api.Response badPhone = register("12345678901", PASSWORD, "x");
        assertThat(badPhone.status()).isEqualTo(400);
        assertThat(badPhone.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(badPhone.json().path("errors").get(0).path("field").asString()).isEqualTo("phone");

        Api.Response unknownField = api().post("/api/v1/auth/register", null,
                Map.of("phone", TestData.phone(), "password", PASSWORD, "displayName", "x", "role", "PLATFORM_ADMIN"));
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.code()).isEqualTo("UNKNOWN_FIELD");

        Api.Response wrongType = api().post("/api/v1/auth/register", null,
                "{\"phone\":\"" + TestData.phone() + "\",\"password\":{\"a\":1},\"displayName\":\"x\"}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.code()).isEqualTo("INVALID_FIELD_TYPE");

        Api.Response malformed = api().post("/api/v1/auth/login", null, "{\"login\":");
        assertThat(malformed.status()).isEqualTo(400);

        Api.Response blank = api().post("/api/v1/auth/login", null, Map.of("login", "", "password", ""));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void unknownLoginAndWrongPasswordGetTheSameAnswer() {
        LoopbackClient client = LoopbackClient.fresh(port);
        String phone = registered();
        LoopbackClient.Reply wrong = client.login(phone, "Wrong#Pass1");
        LoopbackClient.Reply unknown = client.login(TestData.phone(), "Wrong#Pass1");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.code()).isEqualTo("BAD_CREDENTIALS");
        assertThat(unknown.code()).isEqualTo("BAD_CREDENTIALS");
        assertThat(wrong.response().json().path("detail")).isEqualTo(unknown.response().json().path("detail"));
        assertThat(wrong.response().body()).doesNotContain(phone);
    }

    @Test
    void logoutRevokesTheAccessTokenAndTheRefreshToken() {
        JsonNode tokens = login(registered(), PASSWORD).json();
        String access = tokens.path("accessToken").asString();
        assertThat(api().get("/api/v1/me", access).status()).isEqualTo(200);

        Api.Response logout = api().post("/api/v1/auth/logout", access, Map.of("refreshToken", tokens.path("refreshToken").asString()));
        assertThat(logout.status()).isEqualTo(204);

        Api.Response after = api().get("/api/v1/me", access);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.code()).isEqualTo("TOKEN_INVALID");
        Api.Response refresh = refresh(tokens.path("refreshToken").asString());
        assertThat(refresh.status()).isEqualTo(401);
        assertThat(refresh.code()).isEqualTo("REFRESH_TOKEN_INVALID");
    }

    @Test
    void logoutWithoutABodyRevokesOnlyThatAccessToken() {
        String phone = registered();
        JsonNode first = login(phone, PASSWORD).json();
        JsonNode second = login(phone, PASSWORD).json();
        Api.Response logout = api().raw("POST", "/api/v1/auth/logout", first.path("accessToken").asString(),
                "application/json", new byte[0]);
        assertThat(logout.status()).isEqualTo(204);
        assertThat(api().get("/api/v1/me", first.path("accessToken").asString()).status()).isEqualTo(401);
        assertThat(api().get("/api/v1/me", second.path("accessToken").asString()).status()).isEqualTo(200);
        assertThat(refresh(first.path("refreshToken").asString()).status()).isEqualTo(200);
    }

    @Test
    void logoutNeedsAToken() {
        Api.Response response = api().post("/api/v1/auth/logout", null, Map.of());
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void refreshRotatesAndARotatedTokenCannotBeUsedAgain() {
        JsonNode first = login(registered(), PASSWORD).json();
        String original = first.path("refreshToken").asString();

        Api.Response rotated = refresh(original);
        assertThat(rotated.status()).isEqualTo(200);
        JsonNode second = rotated.json();
        assertThat(second.path("refreshToken").asString()).isNotEqualTo(original);
        assertThat(second.path("accessToken").asString()).isNotEqualTo(first.path("accessToken").asString());
        assertThat(api().get("/api/v1/me", second.path("accessToken").asString()).status()).isEqualTo(200);

        Api.Response reuse = refresh(original);
        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.code()).isEqualTo("REFRESH_TOKEN_INVALID");
        // reuse means a copy is out there: every session of the user ends, the thief's and the user's
        assertThat(refresh(second.path("refreshToken").asString()).code()).isEqualTo("REFRESH_TOKEN_INVALID");
        assertThat(api().get("/api/v1/me", second.path("accessToken").asString()).code()).isEqualTo("TOKEN_INVALID");
    }

    @Test
    void parallelRefreshesOfOneTokenSucceedOnce() throws Exception {
        String token = login(registered(), PASSWORD).json().path("refreshToken").asString();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return refresh(token).status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get(60, TimeUnit.SECONDS));
            }
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 401).hasSize(5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unknownRefreshTokensAreRefused() {
        Api.Response response = refresh("not-a-token");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("REFRESH_TOKEN_INVALID");
        assertThat(api().post("/api/v1/auth/refresh", null, Map.of()).code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void passwordChangeEndsEverySessionAndTheNewPasswordWorksAtOnce() {
        String phone = registered();
        JsonNode tokens = login(phone, PASSWORD).json();
        JsonNode other = login(phone, PASSWORD).json();
        String access = tokens.path("accessToken").asString();

        Api.Response weak = api().post("/api/v1/auth/password", access, Map.of("currentPassword", PASSWORD, "newPassword", "abc"));
        assertThat(weak.code()).isEqualTo("WEAK_PASSWORD");
        // a wrong guess counts towards the login lock: sent from its own address, not 127.0.0.1
        LoopbackClient.Reply wrongCurrent = LoopbackClient.fresh(port).post("/api/v1/auth/password", access,
                Map.of("currentPassword", "Wrong#Pass1", "newPassword", NEW_PASSWORD));
        assertThat(wrongCurrent.status()).isEqualTo(400);
        assertThat(wrongCurrent.code()).isEqualTo("CURRENT_PASSWORD_INCORRECT");
        Api.Response same = api().post("/api/v1/auth/password", access, Map.of("currentPassword", PASSWORD, "newPassword", PASSWORD));
        assertThat(same.code()).isEqualTo("PASSWORD_UNCHANGED");

        Api.Response changed = api().post("/api/v1/auth/password", access,
                Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD));
        assertThat(changed.status()).isEqualTo(204);

        assertThat(api().get("/api/v1/me", access).code()).isEqualTo("TOKEN_INVALID");
        assertThat(api().get("/api/v1/me", other.path("accessToken").asString()).code()).isEqualTo("TOKEN_INVALID");
        assertThat(refresh(tokens.path("refreshToken").asString()).code()).isEqualTo("REFRESH_TOKEN_INVALID");
        assertThat(refresh(other.path("refreshToken").asString()).code()).isEqualTo("REFRESH_TOKEN_INVALID");

        assertThat(LoopbackClient.fresh(port).login(phone, PASSWORD).code()).isEqualTo("BAD_CREDENTIALS");
        // issued within the same second as the revocation: must still be accepted
        Api.Response relogin = login(phone, NEW_PASSWORD);
        assertThat(relogin.status()).isEqualTo(200);
        assertThat(api().get("/api/v1/me", relogin.json().path("accessToken").asString()).status()).isEqualTo(200);
    }

    @Test
    void hostTokensCarryTheirStreamer() throws Exception {
        // the admin API binds a host to a streamer; the login must put the streamer id into the token
        long streamerId = insertStreamer();
        String admin = data.admin().token();
        String loginName = "host" + TestData.next();
        Api.Response created = api().post("/api/v1/admin/users", admin, Map.of("loginName", loginName, "password", PASSWORD,
                "role", "HOST", "displayName", "村播小李", "streamerId", streamerId));
        assertThat(created.status()).isEqualTo(201);

        JsonNode tokens = login(loginName, PASSWORD).json();
        assertThat(tokens.path("user").path("streamerId").asLong()).isEqualTo(streamerId);
        assertThat(tokens.path("user").path("loginMasked").asString()).isEqualTo(loginName);
        String payload = new String(java.util.Base64.getUrlDecoder().decode(tokens.path("accessToken").asString().split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(Api.JSON.readTree(payload).path("streamerId").asLong()).isEqualTo(streamerId);
    }

    @Test
    void disabledAccountsAreToldSoOnlyWithTheRightPassword() {
        String phone = registered();
        long id = login(phone, PASSWORD).json().path("user").path("id").asLong();
        String admin = data.admin().token();
        assertThat(api().put("/api/v1/admin/users/" + id + "/status", admin, Map.of("enabled", false)).status()).isEqualTo(200);

        LoopbackClient client = LoopbackClient.fresh(port);
        assertThat(client.login(phone, "Wrong#Pass1").code()).isEqualTo("BAD_CREDENTIALS");
        LoopbackClient.Reply right = client.login(phone, PASSWORD);
        assertThat(right.status()).isEqualTo(401);
        assertThat(right.code()).isEqualTo("ACCOUNT_DISABLED");
    }

    @Test
    void disablingEndsSessionsAndBlocksRefresh() {
        String phone = registered();
        JsonNode tokens = login(phone, PASSWORD).json();
        long id = tokens.path("user").path("id").asLong();
        String admin = data.admin().token();
        assertThat(api().put("/api/v1/admin/users/" + id + "/status", admin, Map.of("enabled", false)).status()).isEqualTo(200);
        assertThat(api().get("/api/v1/me", tokens.path("accessToken").asString()).code()).isEqualTo("TOKEN_INVALID");
        assertThat(refresh(tokens.path("refreshToken").asString()).status()).isEqualTo(401);

        assertThat(api().put("/api/v1/admin/users/" + id + "/status", admin, Map.of("enabled", true)).status()).isEqualTo(200);
        assertThat(login(phone, PASSWORD).status()).isEqualTo(200);
    }

    /** A bare streamer row; the streamer feature owns real registration. */
    private long insertStreamer() {
        byte[] hash = new byte[32];
        new java.security.SecureRandom().nextBytes(hash);
        org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO streamer (display_name, real_name, id_number_enc, id_number_hash, "
                    + "id_number_masked, birth_date, real_name_verified, created_at, updated_at) "
                    + "VALUES ('小李', '李**', ?, ?, '4401**********0000', '1995-01-01', 1, NOW(3), NOW(3))",
                    java.sql.Statement.RETURN_GENERATED_KEYS);
            ps.setBytes(1, hash);
            ps.setBytes(2, hash);
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    private String registered() {
        String phone = TestData.phone();
        assertThat(register(phone, PASSWORD, "测试居民").status()).isEqualTo(201);
        return phone;
    }

    private Api.Response register(String phone, String password, String displayName) {
        return api().post("/api/v1/auth/register", null, Map.of("phone", phone, "password", password, "displayName", displayName));
    }

    private Api.Response login(String login, String password) {
        return api().post("/api/v1/auth/login", null, Map.of("login", login, "password", password));
    }

    private Api.Response refresh(String token) {
        return api().post("/api/v1/auth/refresh", null, Map.of("refreshToken", token));
    }
}
