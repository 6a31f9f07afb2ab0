package cn.zhunong.mall.registry.household;

import static cn.zhunong.mall.registry.household.HouseholdFixtures.bankAccount;
import static cn.zhunong.mall.registry.household.HouseholdFixtures.categoryChange;
import static cn.zhunong.mall.registry.household.HouseholdFixtures.create;
import static cn.zhunong.mall.registry.household.HouseholdFixtures.createFull;
import static cn.zhunong.mall.registry.household.HouseholdFixtures.reveal;
import static cn.zhunong.mall.registry.household.HouseholdFixtures.update;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhunong.mall.support.Api;
import cn.zhunong.mall.support.ApiTest;
import cn.zhunong.mall.support.TestData;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Agency scoping on every household endpoint: another agency's households do not exist for staff
 * (404), an aided agency's are read-only for the aiding agency (403 READ_ONLY_SCOPE).
 */
class HouseholdScopeTest extends ApiTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Autowired
    JdbcTemplate jdbc;

    long agencyB;
    long villageB;
    long householdB;
    JsonNode before;
    String staffB;

    @BeforeEach
    void householdOfAgencyB() {
        agencyB = data.agency("乙社工站");
        villageB = data.village(agencyB, "乙村");
        staffB = data.staff(agencyB).token();
        Api.Response created = api().post("/api/v1/households", staffB,
                createFull(villageB, "钱乙", TestData.idNumber(), bankAccount(), TestData.phone()));
        assertThat(created.status()).isEqualTo(201);
        householdB = created.json().path("id").asLong();
        before = created.json();
    }

    @Test
    void staffOfAnotherAgencyCannotSeeOrChangeAnything() {
        long agencyA = data.agency("甲社工站");
        data.village(agencyA, "甲村");
        String staffA = data.staff(agencyA).token();
        String officerA = data.piiOfficer(agencyA).token();
        String path = "/api/v1/households/" + householdB;

        assertNotFound(api().get(path, staffA), "HOUSEHOLD_NOT_FOUND");
        assertNotFound(api().put(path, staffA, update("钱甲", 9)), "HOUSEHOLD_NOT_FOUND");
        assertNotFound(api().post(path + "/category", staffA, categoryChange("DIBAO", TODAY, "越权")), "HOUSEHOLD_NOT_FOUND");
        assertNotFound(api().get(path + "/category-history", staffA), "HOUSEHOLD_NOT_FOUND");
        assertNotFound(api().post(path + "/reveal", staffA, reveal("ID_NUMBER")), "HOUSEHOLD_NOT_FOUND");
        assertNotFound(api().post(path + "/reveal", officerA, reveal("ID_NUMBER", "PHONE")), "HOUSEHOLD_NOT_FOUND");
        assertNotFound(api().post("/api/v1/households", staffA, create(villageB, "孙甲", TestData.idNumber())),
                "VILLAGE_NOT_FOUND");
        assertNotFound(api().upload("/api/v1/households/import?villageId=" + villageB, staffA, "h.csv", oneRowCsv()),
                "VILLAGE_NOT_FOUND");

        JsonNode listed = api().get("/api/v1/households?size=100", staffA).json();
        assertThat(listed.path("total").asLong()).isZero();
        assertThat(api().get("/api/v1/households?villageId=" + villageB, staffA).json().path("total").asLong()).isZero();

        assertUnchanged();
    }

    @Test
    void anAidingAgencyReadsButCannotChange() {
        long aiding = data.agency("帮扶社工机构");
        data.pairing(aiding, agencyB);
        String staff = data.staff(aiding).token();
        String officer = data.piiOfficer(aiding).token();
        String path = "/api/v1/households/" + householdB;

        Api.Response read = api().get(path, staff);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(before);
        assertThat(api().get(path + "/category-history", staff).status()).isEqualTo(200);
        JsonNode listed = api().get("/api/v1/households?villageId=" + villageB, staff).json();
        assertThat(listed.path("total").asLong()).isEqualTo(1);
        assertThat(listed.path("items").get(0).path("id").asLong()).isEqualTo(householdB);

        assertReadOnly(api().put(path, staff, update("钱甲", 9)));
        assertReadOnly(api().post(path + "/category", staff, categoryChange("DIBAO", TODAY, "越权")));
        assertReadOnly(api().post("/api/v1/households", staff, create(villageB, "孙甲", TestData.idNumber())));
        assertReadOnly(api().upload("/api/v1/households/import?villageId=" + villageB, staff, "h.csv", oneRowCsv()));
        // full values stay with the responsible agency, even for an aiding officer holding the PII permission
        assertReadOnly(api().post(path + "/reveal", officer, reveal("ID_NUMBER")));

        assertUnchanged();
    }

    @Test
    void theAidedAgencyCannotReadTheAidingAgencysHouseholds() {
        long aiding = data.agency("帮扶方");
        long aidingVillage = data.village(aiding, "帮扶村");
        data.pairing(aiding, agencyB);
        Api.Response created = api().post("/api/v1/households", data.staff(aiding).token(),
                create(aidingVillage, "孙丙", TestData.idNumber()));
        assertThat(created.status()).isEqualTo(201);
        assertNotFound(api().get("/api/v1/households/" + created.json().path("id").asLong(), staffB), "HOUSEHOLD_NOT_FOUND");
    }

    private void assertUnchanged() {
        assertThat(api().get("/api/v1/households/" + householdB, staffB).json()).isEqualTo(before);
        assertThat(api().get("/api/v1/households/" + householdB + "/category-history", staffB).json().size()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pii_access_log WHERE subject_type = 'HOUSEHOLD' AND subject_id = ?",
                Integer.class, householdB)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM household WHERE village_id = ?", Integer.class, villageB))
                .isEqualTo(1);
    }

    private static void assertNotFound(Api.Response response, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.code()).isEqualTo(code);
    }

    private static void assertReadOnly(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("READ_ONLY_SCOPE");
    }

    private static byte[] oneRowCsv() {
        return (HouseholdFixtures.csvHeader() + "孙甲," + TestData.idNumber() + ",脱贫户,2,,,否\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
