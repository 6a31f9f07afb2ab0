package cn.zhunong.mall.registry.household;

import static cn.zhunong.mall.registry.household.HouseholdFixtures.bankAccount;
import static cn.zhunong.mall.registry.household.HouseholdFixtures.create;
import static cn.zhunong.mall.registry.household.HouseholdFixtures.csvHeader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import cn.zhunong.mall.support.Api;
import cn.zhunong.mall.support.ApiTest;
import cn.zhunong.mall.support.TestData;
import cn.zhunong.mall.registry.validation.ResidentIdNumber;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** CSV import over real HTTP: good rows in, bad rows reported by physical line, nothing half-written. */
class HouseholdImportTest extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    HouseholdStore store;
    @Autowired
    PlatformTransactionManager transactions;

    long village;
    String staff;

    @BeforeEach
    void setUp() {
        long agency = data.agency("导入社工站");
        village = data.village(agency, "导入村");
        staff = data.staff(agency).token();
    }

    @Test
    void utf8WithBomImportsGoodRowsAndReportsBadOnes() {
        String existing = TestData.idNumber();
        assertThat(api().post("/api/v1/households", staff, create(village, "韩旧", existing)).status()).isEqualTo(201);
        String id1 = TestData.idNumber();
        String id2 = TestData.idNumber();
        String id3 = TestData.idNumber();
        String good = TestData.idNumber();
        String badCheck = good.substring(0, 17) + (good.charAt(17) == '1' ? '2' : '1');
        String csv = "\uFEFF" + csvHeader()
                + "韩一," + id1 + ",脱贫户,3," + bankAccount() + "," + TestData.phone() + ",是\r\n"   // 2 good
                + "韩坏," + badCheck + ",脱贫户,3,,,是\r\n"                                          // 3 check digit
                + "韩坏," + TestData.idNumber() + ",监测户,3,,12345678901,否\r\n"                    // 4 phone
                + "韩坏," + TestData.idNumber() + ",贫困户,3,,,否\r\n"                               // 5 category
                + "," + TestData.idNumber() + ",低保户,3,,,否\r\n"                                  // 6 name missing
                + "韩重," + id1 + ",低保户,3,,,否\r\n"                                              // 7 repeated in file
                + "韩在," + existing + ",低保户,3,,,否\r\n"                                         // 8 already registered
                + "韩坏," + TestData.idNumber() + ",特困户,51,,,否\r\n"                              // 9 too many members
                + "韩二," + id2.toLowerCase() + ",监测户,1,,,否\r\n"                                 // 10 good
                + "\r\n"                                                                          // 11 blank
                + "\"韩三\"," + id3 + ",其他,2,,,\r\n";                                             // 12 good
        Api.Response response = upload(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode result = response.json();
        assertThat(result.path("imported").asInt()).isEqualTo(3);
        assertThat(result.path("failed").asInt()).isEqualTo(7);
        List<JsonNode> errors = new ArrayList<>();
        result.path("errors").forEach(errors::add);
        assertThat(errors).extracting(e -> e.path("line").asLong(), e -> e.path("field").asString()).containsExactly(
                tuple(3L, "idNumber"), tuple(4L, "phone"), tuple(5L, "category"), tuple(6L, "headName"),
                tuple(7L, "idNumber"), tuple(8L, "idNumber"), tuple(9L, "memberCount"));
        assertThat(errors.get(0).path("reason").asString()).contains("校验位");
        assertThat(errors.get(4).path("reason").asString()).contains("第 2 行");
        assertThat(errors.get(5).path("reason").asString()).contains("已登记");
        assertThat(errors.get(0).path("column").asString()).isEqualTo("身份证号");

        JsonNode listed = api().get("/api/v1/households?size=100&villageId=" + village, staff).json();
        assertThat(listed.path("total").asLong()).isEqualTo(4);
        List<String> names = new ArrayList<>();
        listed.path("items").forEach(item -> names.add(item.path("headName").asString()));
        assertThat(names).containsExactlyInAnyOrder("韩旧", "韩一", "韩二", "韩三");
        JsonNode first = find(listed, "韩一");
        assertThat(first.path("consentPublic").asBoolean()).isTrue();
        assertThat(first.path("publicAlias").asString()).isEqualTo("导入村 韩*");
        assertThat(first.path("bankAccountMasked").asString()).startsWith("6222");
        assertThat(find(listed, "韩二").path("category").asString()).isEqualTo("MONITORED");
        assertThat(find(listed, "韩三").path("consentPublic").asBoolean()).isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM household_category_history c JOIN household h "
                + "ON h.id = c.household_id WHERE h.village_id = ?", Integer.class, village)).isEqualTo(4);
    }

    @Test
    void gb18030FilesFromExcelAreUnderstood() {
        String csv = csvHeader()
                + "欧阳修," + TestData.idNumber() + ",低保户,4,,,是\r\n"
                + "司马光," + TestData.idNumber() + ",特困户,1,,," + "否\r\n"
                + "诸葛亮," + TestData.idNumber() + ",未知,1,,,否\r\n";
        Api.Response response = upload(csv.getBytes(Charset.forName("GB18030")));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("imported").asInt()).isEqualTo(2);
        assertThat(response.json().path("failed").asInt()).isEqualTo(1);
        assertThat(response.json().path("errors").get(0).path("line").asLong()).isEqualTo(4);
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("category");
        assertThat(jdbc.queryForList("SELECT head_name FROM household WHERE village_id = ? ORDER BY head_name", String.class,
                village)).containsExactlyInAnyOrder("欧阳修", "司马光");
        assertThat(jdbc.queryForObject("SELECT category FROM household WHERE village_id = ? AND head_name = '欧阳修'",
                String.class, village)).isEqualTo("DIBAO");
    }

    @Test
    void fileLevelProblemsRejectTheWholeFile() {
        Api.Response header = upload(("姓名,身份证号\r\n张三," + TestData.idNumber() + "\r\n").getBytes(StandardCharsets.UTF_8));
        assertThat(header.status()).isEqualTo(400);
        assertThat(header.code()).isEqualTo("CSV_HEADER_INVALID");
        assertThat(header.json().path("detail").asString()).contains("户主姓名,身份证号,类别,人口数,银行账号,手机号,同意公开");

        assertThat(upload(new byte[0]).code()).isEqualTo("CSV_EMPTY");
        assertThat(upload(csvHeader().getBytes(StandardCharsets.UTF_8)).code()).isEqualTo("CSV_EMPTY");
        byte[] garbage = new byte[2048];
        new java.util.Random(42).nextBytes(garbage);
        Api.Response binary = upload(garbage);
        assertThat(binary.status()).isEqualTo(400);
        assertThat(binary.code()).isEqualTo("CSV_UNREADABLE");
        assertThat(upload("{\"not\": \"csv\"}".getBytes(StandardCharsets.UTF_8)).code()).isEqualTo("CSV_HEADER_INVALID");
        assertThat(upload((csvHeader() + "\"张三," + TestData.idNumber() + ",脱贫户,1,,,是\r\n")
                .getBytes(StandardCharsets.UTF_8)).code()).isEqualTo("CSV_MALFORMED");

        StringBuilder tooMany = new StringBuilder(csvHeader());
        for (int i = 0; i <= HouseholdCsv.MAX_ROWS; i++) {
            tooMany.append("张三,").append(TestData.idNumber()).append(",脱贫户,1,,,是\r\n");
        }
        Api.Response rows = upload(tooMany.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(rows.status()).isEqualTo(400);
        assertThat(rows.code()).isEqualTo("TOO_MANY_ROWS");

        byte[] huge = new byte[(int) HouseholdImportService.MAX_BYTES + 1024];
        java.util.Arrays.fill(huge, (byte) 'a');
        Api.Response large = upload(huge);
        assertThat(large.status()).isEqualTo(413);
        assertThat(large.code()).isEqualTo("PAYLOAD_TOO_LARGE");

        Api.Response noFile = api().raw("POST", "/api/v1/households/import?villageId=" + village, staff,
                "multipart/form-data; boundary=xyz", "--xyz--\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(noFile.status()).isEqualTo(400);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM household WHERE village_id = ?", Integer.class, village)).isZero();
    }

    @Test
    void concurrentImportsOfTheSameRowsRegisterEachOnce() throws Exception {
        StringBuilder csv = new StringBuilder(csvHeader());
        for (int i = 0; i < 40; i++) {
            csv.append("并发,").append(TestData.idNumber()).append(",脱贫户,1,,,否\r\n");
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Api.Response>> results = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return upload(file);
                }));
            }
            start.countDown();
            int imported = 0;
            int failed = 0;
            for (Future<Api.Response> result : results) {
                Api.Response response = result.get(120, TimeUnit.SECONDS);
                assertThat(response.status()).as(response.toString()).isEqualTo(200);
                imported += response.json().path("imported").asInt();
                failed += response.json().path("failed").asInt();
            }
            assertThat(imported).isEqualTo(40);
            assertThat(failed).isEqualTo(80);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM household WHERE village_id = ?", Integer.class, village))
                .isEqualTo(40);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM household_category_history c JOIN household h "
                + "ON h.id = c.household_id WHERE h.village_id = ?", Integer.class, village)).isEqualTo(40);
    }

    @Test
    void exactlyTheRowLimitIsImported() {
        String seq = String.format("%03d", TestData.next() % 1000);
        LocalDate birth = LocalDate.of(1930, 1, 1);
        StringBuilder csv = new StringBuilder(csvHeader());
        for (int i = 0; i < HouseholdCsv.MAX_ROWS; i++) {
            String first17 = "440105" + birth.plusDays(i).toString().replace("-", "") + seq;
            csv.append("满额,").append(first17).append(ResidentIdNumber.checkChar(first17)).append(",脱贫户,2,")
                    .append(bankAccount()).append(',').append(TestData.phone()).append(",是\r\n");
        }
        Api.Response response = upload(csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("imported").asInt()).isEqualTo(HouseholdCsv.MAX_ROWS);
        assertThat(response.json().path("failed").asInt()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM household_category_history c JOIN household h "
                + "ON h.id = c.household_id WHERE h.village_id = ?", Integer.class, village)).isEqualTo(HouseholdCsv.MAX_ROWS);
    }

    /**
     * A household registered by another transaction after the import validated its rows: the
     * import waits on the unique key, is refused, reports that row and inserts the rest.
     */
    @Test
    void aRowRegisteredMeanwhileIsReportedAndTheRestImported() throws Exception {
        String raced = TestData.idNumber();
        String other = TestData.idNumber();
        long agency = jdbc.queryForObject("SELECT agency_id FROM village WHERE id = ?", Long.class, village);
        VillageRef ref = new VillageRef(village, agency, "导入村", "天河区");
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> competitor = pool.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
                store.insert(new NewHousehold("抢先", HouseholdCategory.OTHER, 1, raced, null, null, false, null), ref, 0L);
                inserted.countDown();
                awaitQuietly(release);
            }));
            assertThat(inserted.await(30, TimeUnit.SECONDS)).isTrue();
            String csv = csvHeader() + "后到," + raced + ",脱贫户,1,,,否\r\n" + "后到," + other + ",脱贫户,1,,,否\r\n";
            Future<Api.Response> importing = pool.submit(() -> upload(csv.getBytes(StandardCharsets.UTF_8)));
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM information_schema.INNODB_TRX WHERE trx_state = 'LOCK WAIT'", Integer.class) > 0);
            release.countDown();
            competitor.get(30, TimeUnit.SECONDS);

            Api.Response response = importing.get(60, TimeUnit.SECONDS);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.json().path("imported").asInt()).isEqualTo(1);
            assertThat(response.json().path("failed").asInt()).isEqualTo(1);
            JsonNode error = response.json().path("errors").get(0);
            assertThat(error.path("line").asLong()).isEqualTo(2);
            assertThat(error.path("field").asString()).isEqualTo("idNumber");
            assertThat(error.path("reason").asString()).contains("已登记");
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForList("SELECT head_name FROM household WHERE village_id = ?", String.class, village))
                .containsExactlyInAnyOrder("抢先", "后到");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM household_category_history c JOIN household h "
                + "ON h.id = c.household_id WHERE h.village_id = ?", Integer.class, village)).isEqualTo(2);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Api.Response upload(byte[] content) {
        return api().upload("/api/v1/households/import?villageId=" + village, staff, "households.csv", content);
    }

    private static JsonNode find(JsonNode page, String name) {
        for (JsonNode item : page.path("items")) {
            if (item.path("headName").asString().equals(name)) {
                return item;
            }
        }
        throw new AssertionError("no household named " + name);
    }
}
