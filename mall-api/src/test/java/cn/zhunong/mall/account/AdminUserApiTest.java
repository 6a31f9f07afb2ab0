package cn.zhunong.mall.account;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhunong.mall.support.Api;
import cn.zhunong.mall.support.ApiTest;
import cn.zhunong.mall.support.TestData;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Accounts that only platform admins may create and manage. */
class AdminUserApiTest extends ApiTest {

    private static final String PASSWORD = "Zhunong@2026";

    @Test
    void adminCreatesAgencyStaffWhoCanLogIn() {
        long agency = data.agency("龙岗社工站");
        String admin = data.admin().token();
        String loginName = "Staff." + TestData.next();
        Api.Response created = create(admin, user(loginName, "AGENCY_STAFF", agency));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("role").asString()).isEqualTo("AGENCY_STAFF");
        assertThat(created.json().path("agencyId").asLong()).isEqualTo(agency);
        assertThat(created.json().path("canViewPii").asBoolean()).isFalse();
        assertThat(created.json().path("loginMasked").asString()).isEqualTo(loginName);

        // login names are case-insensitive
        Api.Response login = api().post("/api/v1/auth/login", null, Map.of("login", loginName.toLowerCase(), "password", PASSWORD));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().path("user").path("agencyId").asLong()).isEqualTo(agency);
        Api.Response me = api().get("/api/v1/me", login.json().path("accessToken").asString());
        assertThat(me.json().path("role").asString()).isEqualTo("AGENCY_STAFF");

        Api.Response duplicate = create(admin, user(loginName.toUpperCase(), "AGENCY_STAFF", agency));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.code()).isEqualTo("LOGIN_NAME_TAKEN");
    }

    @Test
    void staffMustBeBoundToAnExistingAgency() {
        String admin = data.admin().token();
        Api.Response missing = create(admin, user("s" + TestData.next(), "AGENCY_STAFF", null));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.code()).isEqualTo("AGENCY_REQUIRED");

        Api.Response unknown = create(admin, user("s" + TestData.next(), "AGENCY_STAFF", 987_654_321L));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.code()).isEqualTo("AGENCY_NOT_FOUND");

        Api.Response notStaff = create(admin, user("s" + TestData.next(), "HOST", data.agency("某机构")));
        assertThat(notStaff.code()).isEqualTo("AGENCY_NOT_ALLOWED");
    }

    @Test
    void citizensCannotBeCreatedByAdminsAndInputIsValidated() {
        String admin = data.admin().token();
        assertThat(create(admin, user("c" + TestData.next(), "CITIZEN", null)).code()).isEqualTo("ROLE_NOT_ALLOWED");
        assertThat(create(admin, user("x", "HOST", null)).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(create(admin, user("bad name!", "HOST", null)).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(create(admin, user("h" + TestData.next(), "SUPERUSER", null)).code()).isEqualTo("INVALID_FIELD_TYPE");

        Map<String, Object> weak = user("h" + TestData.next(), "HOST", null);
        weak.put("password", "password");
        assertThat(create(admin, weak).code()).isEqualTo("WEAK_PASSWORD");

        Map<String, Object> unknownStreamer = user("h" + TestData.next(), "HOST", null);
        unknownStreamer.put("streamerId", 987_654_321L);
        assertThat(create(admin, unknownStreamer).code()).isEqualTo("STREAMER_NOT_FOUND");

        Map<String, Object> extra = user("h" + TestData.next(), "HOST", null);
        extra.put("enabled", true);
        assertThat(create(admin, extra).code()).isEqualTo("UNKNOWN_FIELD");

        Map<String, Object> wrongType = user("h" + TestData.next(), "HOST", null);
        wrongType.put("canViewPii", "sometimes");
        Api.Response typeError = create(admin, wrongType);
        assertThat(typeError.status()).isEqualTo(400);
        assertThat(typeError.code()).isEqualTo("INVALID_FIELD_TYPE");
    }

    @Test
    void onlyPlatformAdminsMayManageUsers() {
        long agency = data.agency("某社工站");
        String staff = data.staff(agency).token();
        String citizen = data.citizen().token();
        String host = data.host().token();
        long someone = data.citizen().userId();
        for (String token : new String[] {staff, citizen, host}) {
            assertThat(create(token, user("z" + TestData.next(), "PLATFORM_ADMIN", null)).code()).isEqualTo("FORBIDDEN");
            assertThat(api().get("/api/v1/admin/users", token).status()).isEqualTo(403);
            assertThat(api().get("/api/v1/admin/users/" + someone, token).status()).isEqualTo(403);
            assertThat(api().put("/api/v1/admin/users/" + someone + "/status", token, Map.of("enabled", false)).code())
                    .isEqualTo("FORBIDDEN");
            assertThat(api().put("/api/v1/admin/users/" + someone + "/pii-permission", token, Map.of("canViewPii", true)).code())
                    .isEqualTo("FORBIDDEN");
        }
        assertThat(api().get("/api/v1/admin/users", null).status()).isEqualTo(401);
    }

    @Test
    void adminsListSearchAndReadUsersWithPhonesMasked() {
        String admin = data.admin().token();
        String phone = TestData.phone();
        String name = "搜索居民" + TestData.next();
        assertThat(api().post("/api/v1/auth/register", null, Map.of("phone", phone, "password", PASSWORD, "displayName", name))
                .status()).isEqualTo(201);

        Api.Response byName = api().get("/api/v1/admin/users?q=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8), admin);
        assertThat(byName.status()).isEqualTo(200);
        assertThat(byName.json().path("total").asLong()).isEqualTo(1);
        JsonNode found = byName.json().path("items").get(0);
        assertThat(found.path("loginMasked").asString()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(byName.body()).doesNotContain(phone).doesNotContain("passwordHash");

        // searching by the full phone is allowed (the admin typed it), the answer still masks it
        Api.Response byPhone = api().get("/api/v1/admin/users?q=" + phone, admin);
        assertThat(byPhone.json().path("total").asLong()).isEqualTo(1);
        assertThat(byPhone.body()).doesNotContain("\"" + phone + "\"");

        Api.Response one = api().get("/api/v1/admin/users/" + found.path("id").asLong(), admin);
        assertThat(one.json().path("displayName").asString()).isEqualTo(name);
        assertThat(one.body()).doesNotContain(phone);

        Api.Response admins = api().get("/api/v1/admin/users?role=PLATFORM_ADMIN&size=5", admin);
        assertThat(admins.json().path("size").asLong()).isEqualTo(5);
        admins.json().path("items").forEach(u -> assertThat(u.path("role").asString()).isEqualTo("PLATFORM_ADMIN"));

        assertThat(api().get("/api/v1/admin/users?role=KING", admin).status()).isEqualTo(400);
        assertThat(api().get("/api/v1/admin/users?size=1000", admin).status()).isEqualTo(400);
        assertThat(api().get("/api/v1/admin/users/999999999", admin).code()).isEqualTo("USER_NOT_FOUND");
        assertThat(api().get("/api/v1/admin/users/abc", admin).status()).isEqualTo(400);
    }

    @Test
    void adminsGrantAndWithdrawThePiiPermission() {
        long agency = data.agency("某社工站");
        String admin = data.admin().token();
        TestData.Login staff = data.staff(agency);
        Api.Response granted = api().put("/api/v1/admin/users/" + staff.userId() + "/pii-permission", admin, Map.of("canViewPii", true));
        assertThat(granted.status()).isEqualTo(200);
        assertThat(granted.json().path("canViewPii").asBoolean()).isTrue();
        assertThat(api().get("/api/v1/me", staff.token()).json().path("canViewPii").asBoolean()).isTrue();

        Api.Response withdrawn = api().put("/api/v1/admin/users/" + staff.userId() + "/pii-permission", admin, Map.of("canViewPii", false));
        assertThat(withdrawn.json().path("canViewPii").asBoolean()).isFalse();

        long citizen = data.citizen().userId();
        assertThat(api().put("/api/v1/admin/users/" + citizen + "/pii-permission", admin, Map.of("canViewPii", true)).code())
                .isEqualTo("PII_PERMISSION_NOT_ALLOWED");
        assertThat(api().put("/api/v1/admin/users/" + citizen + "/pii-permission", admin, Map.of()).code())
                .isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void disablingAUserEndsTheirSessionsButAdminsCannotDisableThemselves() {
        String admin = data.admin().token();
        TestData.Login adminLogin = data.admin();
        TestData.Login citizen = data.citizen();
        assertThat(api().get("/api/v1/me", citizen.token()).status()).isEqualTo(200);

        Api.Response disabled = api().put("/api/v1/admin/users/" + citizen.userId() + "/status", admin, Map.of("enabled", false));
        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.json().path("enabled").asBoolean()).isFalse();
        assertThat(api().get("/api/v1/me", citizen.token()).code()).isEqualTo("TOKEN_INVALID");

        Api.Response self = api().put("/api/v1/admin/users/" + adminLogin.userId() + "/status", adminLogin.token(),
                Map.of("enabled", false));
        assertThat(self.code()).isEqualTo("CANNOT_DISABLE_SELF");
        assertThat(api().put("/api/v1/admin/users/" + citizen.userId() + "/status", admin, Map.of("enabled", "no")).code())
                .isEqualTo("INVALID_FIELD_TYPE");
    }

    private Api.Response create(String token, Map<String, Object> body) {
        return api().post("/api/v1/admin/users", token, body);
    }

    private static Map<String, Object> user(String loginName, String role, Long agencyId) {
        Map<String, Object> body = new HashMap<>();
        body.put("loginName", loginName);
        body.put("password", PASSWORD);
        body.put("role", role);
        body.put("displayName", "新用户");
        if (agencyId != null) {
            body.put("agencyId", agencyId);
        }
        return body;
    }
}
