package cn.zhunong.mall.registry.agency;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhunong.mall.support.Api;
import cn.zhunong.mall.support.ApiTest;
import cn.zhunong.mall.support.TestData;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class AgencyPairingApiTest extends ApiTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Autowired
    JdbcTemplate jdbc;

    private static Map<String, Object> pairing(long aiding, long aided, String programme) {
        Map<String, Object> body = new HashMap<>();
        body.put("aidingAgencyId", aiding);
        body.put("aidedAgencyId", aided);
        body.put("programme", programme);
        body.put("startDate", TODAY.minusYears(1).toString());
        return body;
    }

    private static String programme() {
        return "东西部协作-" + TestData.next();
    }

    @Test
    void adminPairsTwoAgenciesAndTheAidingStaffGainReadAccess() {
        long aiding = data.agency("帮扶" + TestData.next());
        long aided = data.agency("受援" + TestData.next());
        long village = data.village(aided, "受援村" + TestData.next());
        String staff = data.staff(aiding).token();
        assertThat(api().get("/api/v1/villages/" + village, staff).status()).isEqualTo(404);

        Map<String, Object> body = pairing(aiding, aided, programme());
                Api.Response created = api().post("/api/v1/agency-pairings", data.admin().token(), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("inForce").asBoolean()).isTrue();
        assertThat(api().get("/api/v1/villages/" + village, staff).status()).isEqualTo(200);
    }

    @Test
    void anAgencyCannotPairWithItself() {
        long agency = data.agency("自身" + TestData.next());
        Api.Response response = api().post("/api/v1/agency-pairings", data.admin().token(), pairing(agency, agency, programme()));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("SELF_PAIRING");
    }

    @Test
    void eachSideHasAtMostOnePartnerPerProgramme() {
        String admin = data.admin().token();
        String programme = programme();
        long a = data.agency("甲" + TestData.next());
        long b = data.agency("乙" + TestData.next());
        long c = data.agency("丙" + TestData.next());
        assertThat(api().post("/api/v1/agency-pairings", admin, pairing(a, b, programme)).status()).isEqualTo(201);

        Api.Response aidingTaken = api().post("/api/v1/agency-pairings", admin, pairing(a, c, programme));
        assertThat(aidingTaken.status()).isEqualTo(409);
        assertThat(aidingTaken.code()).isEqualTo("PAIRING_EXISTS");
        Api.Response aidedTaken = api().post("/api/v1/agency-pairings", admin, pairing(c, b, programme));
        assertThat(aidedTaken.code()).isEqualTo("PAIRING_EXISTS");
        // another programme is a separate slot, and the roles may be reversed
        assertThat(api().post("/api/v1/agency-pairings", admin, pairing(a, c, programme())).status()).isEqualTo(201);
        assertThat(api().post("/api/v1/agency-pairings", admin, pairing(b, a, programme)).status()).isEqualTo(201);
    }

    @Test
    void tenConcurrentConflictingPairingsLeaveExactlyOneWinner() throws Exception {
        String admin = data.admin().token();
        String programme = programme();
        long aiding = data.agency("并发帮扶" + TestData.next());
        List<Long> aided = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            aided.add(data.agency("并发受援" + i + "-" + TestData.next()));
        }
        api();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<Api.Response>> results = new ArrayList<>();
            for (long target : aided) {
                results.add(pool.submit(() -> {
                    start.await();
                    return api().post("/api/v1/agency-pairings", admin, pairing(aiding, target, programme));
                }));
            }
            start.countDown();
            List<Api.Response> responses = new ArrayList<>();
            for (Future<Api.Response> result : results) {
                responses.add(result.get());
            }
            assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
            assertThat(responses).filteredOn(r -> r.status() == 409 && r.code().equals("PAIRING_EXISTS")).hasSize(9);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM agency_pairing WHERE programme = ?", Integer.class, programme))
                .isEqualTo(1);
    }

    @Test
    void periodsMustRunForwards() {
        String admin = data.admin().token();
        long a = data.agency("期" + TestData.next());
        long b = data.agency("间" + TestData.next());
        Map<String, Object> backwards = pairing(a, b, programme());
        backwards.put("endDate", TODAY.minusYears(1).minusDays(1).toString());
        Api.Response response = api().post("/api/v1/agency-pairings", admin, backwards);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("INVALID_PERIOD");

        long id = api().post("/api/v1/agency-pairings", admin, pairing(a, b, programme())).json().path("id").asLong();
        Api.Response endBeforeStart = api().put("/api/v1/agency-pairings/" + id + "/end", admin, Map.of("endDate", TODAY.minusYears(2).toString()));
        assertThat(endBeforeStart.code()).isEqualTo("INVALID_PERIOD");
    }

    @Test
    void endingAPairingWithdrawsTheReadAccess() {
        String admin = data.admin().token();
        long aiding = data.agency("结束" + TestData.next());
        long aided = data.agency("受援" + TestData.next());
        long village = data.village(aided, "村" + TestData.next());
        String staff = data.staff(aiding).token();
        long id = api().post("/api/v1/agency-pairings", admin, pairing(aiding, aided, programme())).json().path("id").asLong();
        assertThat(api().get("/api/v1/villages/" + village, staff).status()).isEqualTo(200);

        String yesterday = TODAY.minusDays(1).toString();
        Api.Response ended = api().put("/api/v1/agency-pairings/" + id + "/end", admin, Map.of("endDate", yesterday));
        assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
        assertThat(ended.json().path("inForce").asBoolean()).isFalse();
        assertThat(api().get("/api/v1/villages/" + village, staff).status()).isEqualTo(404);

        Api.Response again = api().put("/api/v1/agency-pairings/" + id + "/end", admin, Map.of("endDate", yesterday));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("PAIRING_ALREADY_ENDED");
        assertThat(api().put("/api/v1/agency-pairings/999999999/end", admin, Map.of("endDate", yesterday)).code())
                .isEqualTo("AGENCY_PAIRING_NOT_FOUND");
    }

    @Test
    void staffListOnlyThePairingsOfTheirAgencyAndCannotCreateThem() {
        String admin = data.admin().token();
        String programme = programme();
        long a = data.agency("列" + TestData.next());
        long b = data.agency("表" + TestData.next());
        long c = data.agency("外" + TestData.next());
        long d = data.agency("人" + TestData.next());
        api().post("/api/v1/agency-pairings", admin, pairing(a, b, programme));
        api().post("/api/v1/agency-pairings", admin, pairing(c, d, programme));

        Api.Response mine = api().get("/api/v1/agency-pairings?programme=" + programme, data.staff(b).token());
        assertThat(mine.json().path("total").asLong()).isEqualTo(1);
        assertThat(mine.json().path("items").get(0).path("aidingAgencyId").asLong()).isEqualTo(a);
        assertThat(api().get("/api/v1/agency-pairings?programme=" + programme, admin).json().path("total").asLong()).isEqualTo(2);
        assertThat(api().get("/api/v1/agency-pairings?agencyId=" + d, admin).json().path("total").asLong()).isEqualTo(1);

        Api.Response create = api().post("/api/v1/agency-pairings", data.staff(a).token(), pairing(a, c, programme()));
        assertThat(create.status()).isEqualTo(403);
        assertThat(api().get("/api/v1/agency-pairings", data.citizen().token()).status()).isEqualTo(403);
    }

    @Test
    void badInputIsA400NamingTheProblem() {
        String admin = data.admin().token();
        Map<String, Object> missing = pairing(1, 2, programme());
        missing.remove("aidedAgencyId");
        missing.remove("programme");
        Api.Response m = api().post("/api/v1/agency-pairings", admin, missing);
        assertThat(m.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(m.json().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("aidedAgencyId", "programme");

        Map<String, Object> wrong = pairing(1, 2, programme());
        wrong.put("startDate", "next monday");
        assertThat(api().post("/api/v1/agency-pairings", admin, wrong).json().path("errors").findValuesAsString("field"))
                .containsExactly("startDate");
        Map<String, Object> unknown = pairing(1, 2, programme());
        unknown.put("note", "x");
        assertThat(api().post("/api/v1/agency-pairings", admin, unknown).code()).isEqualTo("UNKNOWN_FIELD");
        Api.Response ghost = api().post("/api/v1/agency-pairings", admin, pairing(999_999_998L, 999_999_999L, programme()));
        assertThat(ghost.code()).isEqualTo("AGENCY_NOT_FOUND");
        assertThat(api().put("/api/v1/agency-pairings/one/end", admin, Map.of("endDate", "2026-01-01")).code())
                .isEqualTo("INVALID_PARAMETER");
        assertThat(api().put("/api/v1/agency-pairings/1/end", admin, Map.of()).json().path("errors")
                .findValuesAsString("field")).containsExactly("endDate");
    }
}
