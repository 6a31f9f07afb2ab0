package cn.zhunong.mall.registry.household;

import static cn.zhunong.mall.registry.household.HouseholdFixtures.bankAccount;
import static cn.zhunong.mall.registry.household.HouseholdFixtures.categoryChange;
import static cn.zhunong.mall.registry.household.HouseholdFixtures.createFull;
import static cn.zhunong.mall.registry.household.HouseholdFixtures.reveal;
import static cn.zhunong.mall.registry.household.HouseholdFixtures.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import cn.zhunong.mall.support.Api;
import cn.zhunong.mall.support.ApiTest;
import cn.zhunong.mall.support.TestData;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Personal values: masked in every response and log line, revealed only with permission and audit. */
class HouseholdPiiTest extends ApiTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    HouseholdStore store;
    @Autowired
    PlatformTransactionManager transactions;

    long agency;
    long village;
    String staff;
    String id;
    String bank;
    String phone;

    @BeforeEach
    void setUp() {
        agency = data.agency("隐私社工站");
        village = data.village(agency, "隐私村");
        staff = data.staff(agency).token();
        id = TestData.idNumber();
        bank = bankAccount();
        phone = TestData.phone();
    }

    @Test
    void revealNeedsThePermissionAndWritesTheAuditRowFirst() {
        long householdId = register(id, bank, phone);
        TestData.Login officer = data.piiOfficer(agency);

        Api.Response revealed = api().post("/api/v1/households/" + householdId + "/reveal", officer.token(),
                reveal("PHONE", "ID_NUMBER", "BANK_ACCOUNT"));
        assertThat(revealed.status()).as(revealed.toString()).isEqualTo(200);
        assertThat(revealed.json().path("idNumber").asString()).isEqualTo(id);
        assertThat(revealed.json().path("bankAccount").asString()).isEqualTo(bank);
        assertThat(revealed.json().path("phone").asString()).isEqualTo(phone);
        Map<String, Object> log = jdbc.queryForMap("SELECT * FROM pii_access_log WHERE subject_type = 'HOUSEHOLD' "
                + "AND subject_id = ?", householdId);
        assertThat(log.get("user_id")).isEqualTo(officer.userId());
        assertThat(log.get("fields")).isEqualTo("ID_NUMBER,BANK_ACCOUNT,PHONE");
        assertThat(log.get("purpose")).isEqualTo("核对银行代发信息");
        assertThat(log.get("request_id")).isNotNull();

        Api.Response onlyPhone = api().post("/api/v1/households/" + householdId + "/reveal", officer.token(), reveal("PHONE"));
        assertThat(onlyPhone.json().has("idNumber")).isFalse();
        assertThat(onlyPhone.json().path("phone").asString()).isEqualTo(phone);
        assertThat(logRows(householdId)).isEqualTo(2);
    }

    @Test
    void revealWithoutThePermissionIsRefusedAndNotLogged() {
        long householdId = register(id, bank, phone);
        for (String token : List.of(staff, data.admin().token())) {
            Api.Response response = api().post("/api/v1/households/" + householdId + "/reveal", token, reveal("ID_NUMBER"));
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.code()).isEqualTo("PII_PERMISSION_REQUIRED");
            assertThat(response.body()).doesNotContain(id);
        }
        String officer = data.piiOfficer(agency).token();
        assertThat(api().post("/api/v1/households/" + householdId + "/reveal", officer,
                Map.of("fields", List.of(), "purpose", "核对")).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api().post("/api/v1/households/" + householdId + "/reveal", officer,
                Map.of("fields", List.of("ID_NUMBER"), "purpose", "x")).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api().post("/api/v1/households/" + householdId + "/reveal", officer,
                Map.of("fields", List.of("NAME"), "purpose", "核对")).status()).isEqualTo(400);
        assertThat(logRows(householdId)).isZero();
    }

    @Test
    void noResponseOrLogLineShowsARawValue() {
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        captured.start();
        root.addAppender(captured);
        List<String> bodies = new ArrayList<>();
        String otherId = TestData.idNumber();
        String otherBank = bankAccount();
        String otherPhone = TestData.phone();
        String importedId = TestData.idNumber();
        String importedPhone = TestData.phone();
        String badRowId = TestData.idNumber();
        try {
            Api.Response created = api().post("/api/v1/households", staff, createFull(village, "冯一", id, bank, phone));
            assertThat(created.status()).isEqualTo(201);
            long householdId = created.json().path("id").asLong();
            bodies.add(created.body());
            bodies.add(api().get("/api/v1/households/" + householdId, staff).body());
            bodies.add(api().get("/api/v1/households?villageId=" + village, staff).body());
            Map<String, Object> change = update("冯二", 2);
            change.put("bankAccount", otherBank);
            change.put("phone", otherPhone);
            Api.Response updated = api().put("/api/v1/households/" + householdId, staff, change);
            assertThat(updated.status()).isEqualTo(200);
            bodies.add(updated.body());
            bodies.add(api().post("/api/v1/households/" + householdId + "/category", staff,
                    categoryChange("DIBAO", TODAY, "纳入低保")).body());
            bodies.add(api().get("/api/v1/households/" + householdId + "/category-history", staff).body());

            // a duplicate, and invalid values that are still personal data (the ID is valid, the phone and bank are not)
            Api.Response duplicate = api().post("/api/v1/households", staff, createFull(village, "冯一", id, bank, phone));
            assertThat(duplicate.code()).isEqualTo("HOUSEHOLD_EXISTS");
            bodies.add(duplicate.body());
            Api.Response invalid = api().post("/api/v1/households", staff,
                    createFull(village, "Feng", otherId, otherBank + "x", otherPhone + "0"));
            assertThat(invalid.code()).isEqualTo("VALIDATION_FAILED");
            bodies.add(invalid.body());

            String csv = HouseholdFixtures.csvHeader()
                    + "卫一," + importedId + ",脱贫户,2," + bankAccount() + "," + importedPhone + ",是\r\n"
                    + "卫二," + badRowId + ",脱贫户,2,,1" + importedPhone + ",是\r\n"
                    + "卫三," + id + ",脱贫户,2,,,否\r\n";
            Api.Response imported = api().upload("/api/v1/households/import?villageId=" + village, staff, "h.csv",
                    csv.getBytes(StandardCharsets.UTF_8));
            assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
            assertThat(imported.json().path("imported").asInt()).isEqualTo(1);
            assertThat(imported.json().path("failed").asInt()).isEqualTo(2);
            bodies.add(imported.body());
            bodies.add(api().get("/api/v1/households?villageId=" + village, staff).body());
        } finally {
            root.detachAppender(captured);
        }

        List<String> raw = List.of(id, bank, phone, otherId, otherBank, otherPhone, importedId, importedPhone, badRowId);
        for (String body : bodies) {
            for (String value : raw) {
                assertThat(body).doesNotContain(value);
            }
        }
        List<String> lines = captured.list.stream().map(HouseholdPiiTest::render).toList();
        assertThat(lines).anyMatch(line -> line.contains("Household import into village " + village));
        for (String line : lines) {
            for (String value : raw) {
                assertThat(line).doesNotContain(value);
            }
        }
    }

    @Test
    void theDuplicateKeyErrorCarriesOnlyTheHash() {
        register(id, bank, phone);
        VillageRef ref = new VillageRef(village, agency, "隐私村", "天河区");
        NewHousehold again = new NewHousehold("冯一", HouseholdCategory.OTHER, 1, id, bank, phone, false, null);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> store.insert(again, ref, 1L)))
                .isInstanceOf(DuplicateKeyException.class)
                .satisfies(e -> {
                    StringBuilder chain = new StringBuilder();
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        chain.append(t.getMessage()).append('\n');
                    }
                    assertThat(chain.toString()).contains("uk_household_id_number")
                            .doesNotContain(id).doesNotContain(bank).doesNotContain(phone);
                });
    }

    private long register(String idNumber, String bankAccount, String phoneNumber) {
        Api.Response response = api().post("/api/v1/households", staff,
                createFull(village, "冯一", idNumber, bankAccount, phoneNumber));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("id").asLong();
    }

    private int logRows(long householdId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM pii_access_log WHERE subject_type = 'HOUSEHOLD' AND subject_id = ?",
                Integer.class, householdId);
    }

    private static String render(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(event.getFormattedMessage());
        event.getMDCPropertyMap().values().forEach(v -> line.append(' ').append(v));
        if (event.getThrowableProxy() != null) {
            line.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
        }
        return line.toString();
    }
}
