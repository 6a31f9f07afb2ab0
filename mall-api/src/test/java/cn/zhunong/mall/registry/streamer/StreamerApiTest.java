package cn.zhunong.mall.registry.streamer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhunong.mall.support.Api;
import cn.zhunong.mall.support.ApiTest;
import cn.zhunong.mall.support.TestData;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

class StreamerApiTest extends ApiTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Autowired
    JdbcTemplate jdbc;

    static Map<String, Object> streamer(String idNumber) {
        Map<String, Object> body = new HashMap<>();
        body.put("displayName", "龙岗小李" + TestData.next());
        body.put("realName", "李小龙");
        body.put("idNumber", idNumber);
        body.put("realNameVerified", true);
        body.put("mcn", "村播学院");
        body.put("regionCode", "440106");
        return body;
    }

    @Test
    void staffRegisterAStreamerOwnedByTheirAgencyShowingOnlyTheMaskedId() {
        long agency = data.agency("登记" + TestData.next());
        String staff = data.staff(agency).token();
        String id = TestData.idNumber(TODAY.minusYears(30));
        Api.Response created = api().post("/api/v1/streamers", staff, streamer(id));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(body.path("agencyId").asLong()).isEqualTo(agency);
        assertThat(body.path("age").asInt()).isEqualTo(30);
        assertThat(body.path("idNumberMasked").asString()).isEqualTo(id.substring(0, 4) + "**********" + id.substring(14));
        assertThat(created.body()).doesNotContain(id).doesNotContain(id.substring(6, 14));

        long streamerId = body.path("id").asLong();
        Map<String, Object> row = jdbc.queryForMap("SELECT id_number_masked, birth_date, id_number_enc FROM streamer WHERE id = ?",
                streamerId);
        assertThat(row.get("id_number_masked")).isEqualTo(body.path("idNumberMasked").asString());
        assertThat(row.get("birth_date").toString()).isEqualTo(TODAY.minusYears(30).toString());
        assertThat(new String((byte[]) row.get("id_number_enc"), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(id);

        Api.Response read = api().get("/api/v1/streamers/" + streamerId, staff);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).doesNotContain(id);
        Api.Response list = api().get("/api/v1/streamers?q=" + body.path("displayName").asString(), staff);
        assertThat(list.json().path("total").asLong()).isEqualTo(1);
        assertThat(list.body()).doesNotContain(id);
        Api.Response adminList = api().get("/api/v1/streamers?regionCode=4401&size=100", data.admin().token());
        assertThat(adminList.status()).isEqualTo(200);
        assertThat(adminList.body()).doesNotContain(id);
    }

    @Test
    void aFifteenYearOldIsRejectedAndSomeoneTurningSixteenTodayIsAccepted() {
        String admin = data.admin().token();
        Api.Response underage = api().post("/api/v1/streamers", admin,
                streamer(TestData.idNumber(TODAY.minusYears(16).plusDays(1))));
        assertThat(underage.status()).isEqualTo(400);
        assertThat(underage.code()).isEqualTo("STREAMER_UNDERAGE");

        Api.Response sixteenToday = api().post("/api/v1/streamers", admin, streamer(TestData.idNumber(TODAY.minusYears(16))));
        assertThat(sixteenToday.status()).as(sixteenToday.toString()).isEqualTo(201);
        assertThat(sixteenToday.json().path("age").asInt()).isEqualTo(16);
        assertThat(sixteenToday.json().path("agencyId").isNull()).isTrue();
    }

    @Test
    void theSamePersonCannotBeRegisteredTwiceEvenWithALowerCaseX() {
        String admin = data.admin().token();
        String id = withX();
        assertThat(api().post("/api/v1/streamers", admin, streamer(id)).status()).isEqualTo(201);
        Api.Response again = api().post("/api/v1/streamers", admin, streamer(id.toLowerCase()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("STREAMER_EXISTS");
        assertThat(again.body()).doesNotContain(id).doesNotContain(id.toLowerCase());
    }

    @Test
    void anInvalidIdNumberIsA400NamingTheFieldWithoutEchoingIt() {
        String id = TestData.idNumber(TODAY.minusYears(20));
        String wrongCheck = id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1');
        Api.Response response = api().post("/api/v1/streamers", data.admin().token(), streamer(wrongCheck));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.json().path("errors").findValuesAsString("field")).containsExactly("idNumber");
        assertThat(response.body()).doesNotContain(wrongCheck);
    }

    @Test
    void theIdNumberCannotBeChangedAndOnlyTheOwnerUpdates() {
        long agency = data.agency("修改" + TestData.next());
        String staff = data.staff(agency).token();
        long id = api().post("/api/v1/streamers", staff, streamer(TestData.idNumber())).json().path("id").asLong();

        Map<String, Object> update = new HashMap<>();
        update.put("displayName", "新昵称" + TestData.next());
        update.put("realNameVerified", false);
        update.put("regionCode", "520102");
        Api.Response updated = api().put("/api/v1/streamers/" + id, staff, update);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().path("displayName").asString()).isEqualTo(update.get("displayName"));
        assertThat(updated.json().path("realNameVerified").asBoolean()).isFalse();
        assertThat(updated.json().path("mcn").isNull()).isTrue();

        update.put("idNumber", TestData.idNumber());
        Api.Response changeId = api().put("/api/v1/streamers/" + id, staff, update);
        assertThat(changeId.status()).isEqualTo(400);
        assertThat(changeId.code()).isEqualTo("UNKNOWN_FIELD");
        update.remove("idNumber");

        long other = data.agency("别家" + TestData.next());
        Api.Response foreign = api().put("/api/v1/streamers/" + id, data.staff(other).token(), update);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.code()).isEqualTo("STREAMER_NOT_FOUND");
        assertThat(api().put("/api/v1/streamers/" + id, data.admin().token(), update).status()).isEqualTo(200);
    }

    @Test
    void staffSeeTheirOwnPlatformAndPairedStreamersOnly() {
        String token = "可见" + TestData.next();
        long a = data.agency("甲" + TestData.next());
        long b = data.agency("乙" + TestData.next());
        String staffA = data.staff(a).token();
        String staffB = data.staff(b).token();
        String admin = data.admin().token();
        long ofA = create(staffA, token + "甲主播");
        long ofB = create(staffB, token + "乙主播");
        long platform = create(admin, token + "平台主播");

        assertThat(api().get("/api/v1/streamers/" + ofB, staffA).code()).isEqualTo("STREAMER_NOT_FOUND");
        assertThat(api().get("/api/v1/streamers?q=" + token, staffA).json().path("items").valueStream()
                .map(n -> n.path("id").asLong()).toList()).containsExactlyInAnyOrder(ofA, platform);
        JsonNode pooled = api().get("/api/v1/streamers/" + platform, staffA).json();
        assertThat(pooled.path("writable").asBoolean()).isFalse();
        Map<String, Object> update = Map.of("displayName", "改", "realNameVerified", true);
        assertThat(api().put("/api/v1/streamers/" + platform, staffA, update).code()).isEqualTo("READ_ONLY_SCOPE");

        // once B's streamer is paired with a village of A, A's staff can see it
        long villageOfA = data.village(a, "甲村" + TestData.next());
        jdbc.update("INSERT INTO village_streamer_pairing (village_id, streamer_id, agreement_no, signed_date, start_date, "
                + "public_welfare, commission_bp, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, 0, 'ACTIVE', NOW(3), NOW(3))",
                villageOfA, ofB, "T-" + TestData.next(), TODAY, TODAY);
        assertThat(api().get("/api/v1/streamers/" + ofB, staffA).status()).isEqualTo(200);
        assertThat(api().get("/api/v1/streamers?q=" + token, admin).json().path("total").asLong()).isEqualTo(3);
        assertThat(api().get("/api/v1/streamers", data.citizen().token()).status()).isEqualTo(403);
        assertThat(api().post("/api/v1/streamers", data.host().token(), streamer(TestData.idNumber())).status()).isEqualTo(403);
    }

    @Test
    void revealingTheFullIdNeedsThePermissionAPurposeAndLeavesAnAuditRow() {
        long agency = data.agency("揭示" + TestData.next());
        String id = TestData.idNumber(TODAY.minusYears(25));
        long streamerId = api().post("/api/v1/streamers", data.staff(agency).token(), streamer(id)).json().path("id").asLong();
        String path = "/api/v1/streamers/" + streamerId + "/identity?purpose=";

        Api.Response denied = api().get(path + "签约核验", data.staff(agency).token());
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.code()).isEqualTo("PII_PERMISSION_REQUIRED");

        TestData.Login officer = data.piiOfficer(agency);
        Api.Response noPurpose = api().get("/api/v1/streamers/" + streamerId + "/identity", officer.token());
        assertThat(noPurpose.status()).isEqualTo(400);
        assertThat(noPurpose.json().path("errors").findValuesAsString("field")).containsExactly("purpose");
        assertThat(api().get(path + "x", officer.token()).status()).isEqualTo(400);
        assertThat(auditRows(officer.userId(), streamerId)).isZero();

        Api.Response revealed = api().get(path + "签约核验", officer.token());
        assertThat(revealed.status()).as(revealed.toString()).isEqualTo(200);
        assertThat(revealed.json().path("idNumber").asString()).isEqualTo(id);
        assertThat(auditRows(officer.userId(), streamerId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT purpose FROM pii_access_log WHERE user_id = ? AND subject_id = ?",
                String.class, officer.userId(), streamerId)).isEqualTo("签约核验");

        // a PII officer of another agency still cannot see a streamer outside their scope
        TestData.Login stranger = data.piiOfficer(data.agency("旁人" + TestData.next()));
        assertThat(api().get(path + "签约核验", stranger.token()).code()).isEqualTo("STREAMER_NOT_FOUND");
        assertThat(auditRows(stranger.userId(), streamerId)).isZero();
    }

    @Test
    void badInputIsA400NamingTheProblem() {
        String admin = data.admin().token();
        Map<String, Object> missing = streamer(TestData.idNumber());
        missing.remove("idNumber");
        missing.remove("realNameVerified");
        Api.Response m = api().post("/api/v1/streamers", admin, missing);
        assertThat(m.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(m.json().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("idNumber", "realNameVerified");

        Map<String, Object> wrongType = streamer(TestData.idNumber());
        wrongType.put("realNameVerified", "maybe");
        assertThat(api().post("/api/v1/streamers", admin, wrongType).json().path("errors").findValuesAsString("field"))
                .containsExactly("realNameVerified");
        Map<String, Object> region = streamer(TestData.idNumber());
        region.put("regionCode", "44");
        assertThat(api().post("/api/v1/streamers", admin, region).json().path("errors").findValuesAsString("field"))
                .containsExactly("regionCode");
        assertThat(api().get("/api/v1/streamers/1.5", admin).code()).isEqualTo("INVALID_PARAMETER");
        assertThat(api().get("/api/v1/streamers/abc/identity?purpose=核验", admin).code()).isEqualTo("INVALID_PARAMETER");
    }

    private long create(String token, String displayName) {
        Map<String, Object> body = streamer(TestData.idNumber());
        body.put("displayName", displayName);
        Api.Response response = api().post("/api/v1/streamers", token, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("id").asLong();
    }

    private int auditRows(long userId, long streamerId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM pii_access_log WHERE user_id = ? AND subject_type = 'STREAMER' "
                + "AND subject_id = ?", Integer.class, userId, streamerId);
    }

    /** A valid ID number whose check character is X. */
    private static String withX() {
        while (true) {
            String id = TestData.idNumber(TODAY.minusYears(40));
            if (id.endsWith("X")) {
                return id;
            }
        }
    }
}
