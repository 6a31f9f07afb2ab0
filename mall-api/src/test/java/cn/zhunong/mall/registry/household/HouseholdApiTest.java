package cn.zhunong.mall.registry.household;

import static cn.zhunong.mall.registry.household.HouseholdFixtures.bankAccount;
import static cn.zhunong.mall.registry.household.HouseholdFixtures.categoryChange;
import static cn.zhunong.mall.registry.household.HouseholdFixtures.create;
import static cn.zhunong.mall.registry.household.HouseholdFixtures.createFull;
import static cn.zhunong.mall.registry.household.HouseholdFixtures.idEnding1234;
import static cn.zhunong.mall.registry.household.HouseholdFixtures.update;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhunong.mall.support.Api;
import cn.zhunong.mall.support.ApiTest;
import cn.zhunong.mall.support.TestData;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Household CRUD, category history, list filters and the duplicate rule, over real HTTP. */
class HouseholdApiTest extends ApiTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    HouseholdService households;

    long agency;
    long village;
    String staff;

    @BeforeEach
    void setUp() {
        agency = data.agency("龙岗社工站");
        village = data.village(agency, "龙岗村");
        staff = data.staff(agency).token();
    }

    @Test
    void createReadAndUpdateShowMaskedValuesOnly() {
        String id = idEnding1234();
        String bank = "6222021234567890123";
        String phone = TestData.phone();
        Api.Response created = api().post("/api/v1/households", staff, createFull(village, "张三丰", id, null, phone));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode h = created.json();
        long householdId = h.path("id").asLong();
        assertThat(h.path("idNumberMasked").asString()).isEqualTo("4401**********1234");
        assertThat(h.path("phoneMasked").asString()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(h.path("bankAccountMasked").isNull()).isTrue();
        assertThat(h.path("headName").asString()).isEqualTo("张三丰");
        assertThat(h.path("category").asString()).isEqualTo("LIFTED_OUT");
        assertThat(h.path("categoryLabel").asString()).isEqualTo("脱贫户");
        assertThat(h.path("memberCount").asInt()).isEqualTo(3);
        assertThat(h.path("consentPublic").asBoolean()).isTrue();
        assertThat(h.path("publicAlias").asString()).isEqualTo("龙岗村 张**");
        assertThat(h.path("village").path("id").asLong()).isEqualTo(village);
        assertThat(h.path("village").path("name").asString()).isEqualTo("龙岗村");
        assertThat(h.path("village").path("countyName").asString()).isEqualTo("天河区");
        assertThat(h.path("createdAt").asString()).isNotBlank();
        assertThat(created.body()).doesNotContain(id).doesNotContain(phone);

        Api.Response read = api().get("/api/v1/households/" + householdId, staff);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(h);

        // bank account added, phone kept (null), alias given explicitly
        Map<String, Object> change = update("张三", 4);
        change.put("bankAccount", bank);
        change.put("consentPublic", true);
        change.put("publicAlias", "龙岗村 老张家");
        Api.Response updated = api().put("/api/v1/households/" + householdId, staff, change);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().path("headName").asString()).isEqualTo("张三");
        assertThat(updated.json().path("memberCount").asInt()).isEqualTo(4);
        assertThat(updated.json().path("bankAccountMasked").asString()).isEqualTo("6222***********0123");
        assertThat(updated.json().path("phoneMasked").asString()).isEqualTo(h.path("phoneMasked").asString());
        assertThat(updated.json().path("publicAlias").asString()).isEqualTo("龙岗村 老张家");
        assertThat(updated.body()).doesNotContain(bank).doesNotContain(phone);

        // an empty string removes the phone; the stored ciphertext and hash go with it
        Map<String, Object> removePhone = update("张三", 4);
        removePhone.put("phone", "");
        Api.Response cleared = api().put("/api/v1/households/" + householdId, staff, removePhone);
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().path("phoneMasked").isNull()).isTrue();
        assertThat(cleared.json().path("bankAccountMasked").asString()).isEqualTo("6222***********0123");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM household WHERE id = ? AND phone_enc IS NULL "
                + "AND phone_hash IS NULL AND bank_account_enc IS NOT NULL", Integer.class, householdId)).isEqualTo(1);

        // stored encrypted: the raw values are nowhere in the row
        byte[] stored = jdbc.queryForObject("SELECT id_number_enc FROM household WHERE id = ?", byte[].class, householdId);
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(id);
    }

    @Test
    void theIdNumberCannotChange() {
        long id = createHousehold("李四", TestData.idNumber());
        Map<String, Object> change = update("李四", 2);
        change.put("idNumber", TestData.idNumber());
        Api.Response response = api().put("/api/v1/households/" + id, staff, change);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("UNKNOWN_FIELD");
    }

    @Test
    void invalidInputIsRefusedWithFieldErrors() {
        String good = TestData.idNumber();
        String badCheck = good.substring(0, 17) + (good.charAt(17) == '1' ? '2' : '1');
        assertInvalid(create(village, "张三", badCheck), "idNumber");
        assertInvalid(create(village, "Zhang San", TestData.idNumber()), "headName");
        assertInvalid(create(village, "张".repeat(51), TestData.idNumber()), "headName");
        Map<String, Object> members = create(village, "张三", TestData.idNumber());
        members.put("memberCount", 51);
        assertInvalid(members, "memberCount");
        Map<String, Object> phone = create(village, "张三", TestData.idNumber());
        phone.put("phone", "12812345678");
        assertInvalid(phone, "phone");
        Map<String, Object> bank = create(village, "张三", TestData.idNumber());
        bank.put("bankAccount", "62220212");
        assertInvalid(bank, "bankAccount");
        Map<String, Object> category = create(village, "张三", TestData.idNumber());
        category.put("category", "POOR");
        Api.Response response = api().post("/api/v1/households", staff, category);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("INVALID_FIELD_TYPE");
        // minority names with a middle dot are fine
        assertThat(api().post("/api/v1/households", staff, create(village, "阿卜杜·热合曼", TestData.idNumber())).status())
                .isEqualTo(201);
    }

    @Test
    void unknownVillageIsNotFound() {
        Api.Response response = api().post("/api/v1/households", staff, create(999_999_999L, "张三", TestData.idNumber()));
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("VILLAGE_NOT_FOUND");
        assertThat(api().get("/api/v1/households/999999999", staff).code()).isEqualTo("HOUSEHOLD_NOT_FOUND");
    }

    @Test
    void aDuplicateIdNumberIsAConflictEvenInLowerCase() {
        String id = TestData.idNumber();
        createHousehold("张三", id);
        Api.Response again = api().post("/api/v1/households", staff, create(village, "张三", id));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("HOUSEHOLD_EXISTS");
        String withX = xId();
        createHousehold("王五", withX);
        Api.Response lower = api().post("/api/v1/households", staff, create(village, "王五", withX.toLowerCase()));
        assertThat(lower.code()).isEqualTo("HOUSEHOLD_EXISTS");
    }

    @Test
    void parallelCreatesOfOneIdNumberRegisterItOnce() throws Exception {
        String id = TestData.idNumber();
        int threads = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Api.Response>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<Api.Response> call = () -> {
                    start.await();
                    return api().post("/api/v1/households", staff, create(village, "张三", id));
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Api.Response> result : results) {
                Api.Response response = result.get(60, TimeUnit.SECONDS);
                statuses.add(response.status());
                if (response.status() == 409) {
                    assertThat(response.code()).isEqualTo("HOUSEHOLD_EXISTS");
                }
            }
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM household h JOIN household_category_history c "
                + "ON c.household_id = h.id WHERE h.village_id = ?", Integer.class, village)).isEqualTo(1);
    }

    @Test
    void categoryChangesAreKeptAsHistory() {
        long id = createHousehold("赵六", TestData.idNumber());
        Api.Response history = api().get("/api/v1/households/" + id + "/category-history", staff);
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.json().size()).isEqualTo(1);
        assertThat(history.json().get(0).path("category").asString()).isEqualTo("LIFTED_OUT");
        assertThat(history.json().get(0).path("effectiveFrom").asString()).isEqualTo(TODAY.toString());

        Api.Response changed = api().post("/api/v1/households/" + id + "/category", staff,
                categoryChange("MONITORED", TODAY, "收入下降，纳入防返贫监测"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("category").asString()).isEqualTo("MONITORED");
        assertThat(api().get("/api/v1/households/" + id, staff).json().path("category").asString()).isEqualTo("MONITORED");

        Api.Response same = api().post("/api/v1/households/" + id + "/category", staff,
                categoryChange("MONITORED", TODAY, "重复"));
        assertThat(same.status()).isEqualTo(409);
        assertThat(same.code()).isEqualTo("CATEGORY_UNCHANGED");
        Api.Response future = api().post("/api/v1/households/" + id + "/category", staff,
                categoryChange("DIBAO", TODAY.plusDays(1), "未来"));
        assertThat(future.code()).isEqualTo("EFFECTIVE_FROM_INVALID");
        Api.Response backdated = api().post("/api/v1/households/" + id + "/category", staff,
                categoryChange("DIBAO", TODAY.minusDays(1), "倒签"));
        assertThat(backdated.code()).isEqualTo("EFFECTIVE_FROM_INVALID");
        Api.Response noReason = api().post("/api/v1/households/" + id + "/category", staff,
                Map.of("category", "DIBAO", "effectiveFrom", TODAY.toString()));
        assertThat(noReason.code()).isEqualTo("VALIDATION_FAILED");

        JsonNode rows = api().get("/api/v1/households/" + id + "/category-history", staff).json();
        assertThat(rows.size()).isEqualTo(2);
        assertThat(rows.get(1).path("category").asString()).isEqualTo("MONITORED");
        assertThat(rows.get(1).path("reason").asString()).isEqualTo("收入下降，纳入防返贫监测");
        assertThat(rows.get(1).path("changedBy").asLong()).isPositive();
    }

    @Test
    void listFiltersAndPages() {
        long other = data.village(agency, "凤凰村");
        String otherDivision = jdbc.queryForObject("SELECT division_code FROM village WHERE id = ?", String.class, other);
        for (int i = 0; i < 5; i++) {
            createHousehold("陈" + "一二三四五".charAt(i), TestData.idNumber());
        }
        Map<String, Object> consenting = create(other, "欧阳娜娜", TestData.idNumber());
        consenting.put("consentPublic", true);
        consenting.put("category", "TEKUN");
        assertThat(api().post("/api/v1/households", staff, consenting).status()).isEqualTo(201);
        assertThat(api().post("/api/v1/households", staff, create(other, "欧阳锋", TestData.idNumber())).status()).isEqualTo(201);

        JsonNode all = list("");
        assertThat(all.path("total").asLong()).isEqualTo(7);
        assertThat(all.path("items").size()).isEqualTo(7);
        JsonNode page = list("page=2&size=3");
        assertThat(page.path("total").asLong()).isEqualTo(7);
        assertThat(page.path("page").asLong()).isEqualTo(2);
        assertThat(page.path("size").asLong()).isEqualTo(3);
        assertThat(page.path("items").size()).isEqualTo(3);
        assertThat(list("page=3&size=3").path("items").size()).isEqualTo(1);

        assertThat(list("villageId=" + other).path("total").asLong()).isEqualTo(2);
        assertThat(list("category=TEKUN").path("items").get(0).path("headName").asString()).isEqualTo("欧阳娜娜");
        assertThat(list("consentPublic=true").path("total").asLong()).isEqualTo(6);
        assertThat(list("consentPublic=false").path("items").get(0).path("headName").asString()).isEqualTo("欧阳锋");
        assertThat(list("q=" + enc("欧阳")).path("total").asLong()).isEqualTo(2);
        assertThat(list("q=" + enc("陈")).path("total").asLong()).isEqualTo(5);
        assertThat(list("q=" + enc("%")).path("total").asLong()).isZero();
        assertThat(list("divisionCodePrefix=" + otherDivision).path("total").asLong()).isEqualTo(2);
        assertThat(list("divisionCodePrefix=" + otherDivision.substring(0, 6)).path("total").asLong()).isEqualTo(7);
        assertThat(list("countyCode=440106").path("total").asLong()).isEqualTo(7);
        assertThat(list("countyCode=110101").path("total").asLong()).isZero();

        JsonNode item = all.path("items").get(0);
        assertThat(item.path("idNumberMasked").asString()).matches("\\d{4}\\*{10}\\d{3}[\\dX]");
        assertThat(item.path("village").path("name").asString()).isNotBlank();

        assertThat(api().get("/api/v1/households?size=101", staff).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api().get("/api/v1/households?countyCode=44", staff).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api().get("/api/v1/households?category=POOR", staff).status()).isEqualTo(400);
    }

    @Test
    void citizensAndHostsAreForbidden() {
        long id = createHousehold("孙七", TestData.idNumber());
        for (String token : List.of(data.citizen().token(), data.host().token())) {
            assertThat(api().get("/api/v1/households", token).status()).isEqualTo(403);
            assertThat(api().get("/api/v1/households/" + id, token).status()).isEqualTo(403);
            assertThat(api().post("/api/v1/households", token, create(village, "孙七", TestData.idNumber())).status())
                    .isEqualTo(403);
            assertThat(api().put("/api/v1/households/" + id, token, update("孙七", 1)).status()).isEqualTo(403);
            assertThat(api().get("/api/v1/households/" + id + "/category-history", token).status()).isEqualTo(403);
            assertThat(api().post("/api/v1/households/" + id + "/category", token,
                    categoryChange("OTHER", TODAY, "x")).status()).isEqualTo(403);
            assertThat(api().post("/api/v1/households/" + id + "/reveal", token,
                    HouseholdFixtures.reveal("ID_NUMBER")).status()).isEqualTo(403);
            assertThat(api().upload("/api/v1/households/import?villageId=" + village, token, "h.csv",
                    HouseholdFixtures.csvHeader().getBytes()).status()).isEqualTo(403);
        }
        assertThat(api().get("/api/v1/households", null).status()).isEqualTo(401);
    }

    @Test
    void platformAdminsSeeEveryAgency() {
        long id = createHousehold("周八", TestData.idNumber());
        String admin = data.admin().token();
        assertThat(api().get("/api/v1/households/" + id, admin).status()).isEqualTo(200);
        assertThat(api().get("/api/v1/households?villageId=" + village, admin).json().path("total").asLong()).isEqualTo(1);
        assertThat(api().put("/api/v1/households/" + id, admin, update("周八", 2)).status()).isEqualTo(200);
    }

    @Test
    void thePublicViewShowsOnlyTheAliasAndVillageAndOnlyWithConsent() {
        long consenting = createHousehold("吴九", TestData.idNumber());
        assertThat(households.publicView(consenting)).contains(new PublicHouseholdView("龙岗村 吴*", "龙岗村"));
        Api.Response other = api().post("/api/v1/households", staff, create(village, "郑十", TestData.idNumber()));
        assertThat(households.publicView(other.json().path("id").asLong())).isEmpty();
        assertThat(households.publicView(999_999_999L)).isEmpty();
    }

    private long createHousehold(String name, String id) {
        Api.Response response = api().post("/api/v1/households", staff,
                createFull(village, name, id, bankAccount(), TestData.phone()));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("id").asLong();
    }

    private JsonNode list(String query) {
        Api.Response response = api().get("/api/v1/households?" + query, staff);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private void assertInvalid(Map<String, Object> body, String field) {
        Api.Response response = api().post("/api/v1/households", staff, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.json().path("errors").findValuesAsString("field")).contains(field);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A valid ID number whose check character is X. */
    private static String xId() {
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(TestData.next() % 3000);
        while (true) {
            String first17 = "440106" + birth.toString().replace("-", "") + "456";
            if (cn.zhunong.mall.registry.validation.ResidentIdNumber.checkChar(first17) == 'X') {
                return first17 + 'X';
            }
            birth = birth.plusDays(1);
        }
    }
}
