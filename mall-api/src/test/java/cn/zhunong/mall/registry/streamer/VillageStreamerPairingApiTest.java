package cn.zhunong.mall.registry.streamer;

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

class VillageStreamerPairingApiTest extends ApiTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final String PATH = "/api/v1/village-streamer-pairings";

    @Autowired
    JdbcTemplate jdbc;

    private static Map<String, Object> pairing(long village, long streamer) {
        Map<String, Object> body = new HashMap<>();
        body.put("villageId", village);
        body.put("streamerId", streamer);
        body.put("agreementNo", "CCB-" + TestData.next());
        body.put("signedDate", TODAY.minusDays(3).toString());
        body.put("startDate", TODAY.toString());
        body.put("publicWelfare", false);
        body.put("commissionBp", 500);
        return body;
    }

    private long streamer(String token, boolean verified) {
        Map<String, Object> body = StreamerApiTest.streamer(TestData.idNumber());
        body.put("realNameVerified", verified);
        Api.Response response = api().post("/api/v1/streamers", token, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("id").asLong();
    }

    private Fixture fixture() {
        long agency = data.agency("结对" + TestData.next());
        String staff = data.staff(agency).token();
        return new Fixture(agency, staff, data.village(agency, "结对村" + TestData.next()), streamer(staff, true));
    }

    record Fixture(long agency, String staff, long village, long streamer) {
    }

    @Test
    void staffPairTheirVillageWithAStreamerStartingActive() {
        Fixture f = fixture();
        Map<String, Object> body = pairing(f.village(), f.streamer());
        Api.Response created = api().post(PATH, f.staff(), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("status").asString()).isEqualTo("ACTIVE");
        assertThat(created.json().path("commissionBp").asInt()).isEqualTo(500);
        long id = created.json().path("id").asLong();

        Api.Response read = api().get(PATH + "/" + id, f.staff());
        assertThat(read.json().path("agreementNo").asString()).isEqualTo(body.get("agreementNo"));
        Api.Response list = api().get(PATH + "?villageId=" + f.village() + "&status=ACTIVE", f.staff());
        assertThat(list.json().path("total").asLong()).isEqualTo(1);
    }

    @Test
    void aSecondActivePairingOfTheSameVillageAndStreamerIsAConflict() {
        Fixture f = fixture();
        long first = api().post(PATH, f.staff(), pairing(f.village(), f.streamer())).json().path("id").asLong();
        Api.Response second = api().post(PATH, f.staff(), pairing(f.village(), f.streamer()));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.code()).isEqualTo("PAIRING_ALREADY_ACTIVE");

        // once the first is suspended a new one may start, and the old one cannot then be reactivated
        assertThat(status(f.staff(), first, "SUSPENDED").status()).isEqualTo(200);
        assertThat(api().post(PATH, f.staff(), pairing(f.village(), f.streamer())).status()).isEqualTo(201);
        Api.Response reactivate = status(f.staff(), first, "ACTIVE");
        assertThat(reactivate.status()).isEqualTo(409);
        assertThat(reactivate.code()).isEqualTo("PAIRING_ALREADY_ACTIVE");
    }

    @Test
    void tenConcurrentPairingsOfTheSamePairGiveExactlyOneCreated() throws Exception {
        Fixture f = fixture();
        api();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Api.Response> responses = new ArrayList<>();
        try {
            List<Future<Api.Response>> results = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                Map<String, Object> body = pairing(f.village(), f.streamer());
                results.add(pool.submit(() -> {
                    start.await();
                    return api().post(PATH, f.staff(), body);
                }));
            }
            start.countDown();
            for (Future<Api.Response> result : results) {
                responses.add(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() == 409 && r.code().equals("PAIRING_ALREADY_ACTIVE")).hasSize(9);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM village_streamer_pairing WHERE village_id = ? AND streamer_id = ?",
                Integer.class, f.village(), f.streamer())).isEqualTo(1);
    }

    @Test
    void statusMovesBetweenActiveAndSuspendedAndEndedIsFinal() {
        Fixture f = fixture();
        long id = api().post(PATH, f.staff(), pairing(f.village(), f.streamer())).json().path("id").asLong();

        Api.Response same = status(f.staff(), id, "ACTIVE");
        assertThat(same.status()).isEqualTo(409);
        assertThat(same.code()).isEqualTo("PAIRING_STATE_CONFLICT");
        assertThat(status(f.staff(), id, "SUSPENDED").json().path("status").asString()).isEqualTo("SUSPENDED");
        assertThat(status(f.staff(), id, "ACTIVE").json().path("status").asString()).isEqualTo("ACTIVE");
        Api.Response ended = status(f.staff(), id, "ENDED");
        assertThat(ended.json().path("status").asString()).isEqualTo("ENDED");
        assertThat(ended.json().path("endDate").asString()).isEqualTo(TODAY.toString());

        for (String target : List.of("ACTIVE", "SUSPENDED", "ENDED")) {
            Api.Response after = status(f.staff(), id, target);
            assertThat(after.status()).isEqualTo(409);
            assertThat(after.code()).isEqualTo("PAIRING_STATE_CONFLICT");
        }
        // an ended pairing no longer blocks a new active one
        assertThat(api().post(PATH, f.staff(), pairing(f.village(), f.streamer())).status()).isEqualTo(201);
    }

    @Test
    void agreementNumbersAreUniqueAndPublicWelfareCarriesNoCommission() {
        Fixture f = fixture();
        Map<String, Object> body = pairing(f.village(), f.streamer());
        assertThat(api().post(PATH, f.staff(), body).status()).isEqualTo(201);
        long otherVillage = data.village(f.agency(), "别村" + TestData.next());
        Map<String, Object> reused = pairing(otherVillage, f.streamer());
        reused.put("agreementNo", body.get("agreementNo"));
        Api.Response duplicate = api().post(PATH, f.staff(), reused);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.code()).isEqualTo("AGREEMENT_NO_EXISTS");

        Map<String, Object> welfare = pairing(otherVillage, f.streamer());
        welfare.put("publicWelfare", true);
        Api.Response withCommission = api().post(PATH, f.staff(), welfare);
        assertThat(withCommission.status()).isEqualTo(400);
        assertThat(withCommission.code()).isEqualTo("PUBLIC_WELFARE_COMMISSION");
        welfare.put("commissionBp", 0);
        assertThat(api().post(PATH, f.staff(), welfare).status()).isEqualTo(201);

        Map<String, Object> tooMuch = pairing(otherVillage, f.streamer());
        tooMuch.put("commissionBp", 10001);
        assertThat(api().post(PATH, f.staff(), tooMuch).json().path("errors").findValuesAsString("field"))
                .containsExactly("commissionBp");
        Map<String, Object> backwards = pairing(otherVillage, f.streamer());
        backwards.put("endDate", TODAY.minusDays(1).toString());
        assertThat(api().post(PATH, f.staff(), backwards).code()).isEqualTo("INVALID_PERIOD");
    }

    @Test
    void anUnverifiedStreamerCannotBePaired() {
        Fixture f = fixture();
        long unverified = streamer(f.staff(), false);
        Api.Response response = api().post(PATH, f.staff(), pairing(f.village(), unverified));
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.code()).isEqualTo("STREAMER_NOT_VERIFIED");
    }

    @Test
    void pairingsFollowTheVillageScope() {
        Fixture mine = fixture();
        Fixture theirs = fixture();
        long theirPairing = api().post(PATH, theirs.staff(), pairing(theirs.village(), theirs.streamer())).json().path("id").asLong();

        // another agency's village or streamer is not found
        Api.Response foreignVillage = api().post(PATH, mine.staff(), pairing(theirs.village(), mine.streamer()));
        assertThat(foreignVillage.status()).isEqualTo(404);
        assertThat(foreignVillage.code()).isEqualTo("VILLAGE_NOT_FOUND");
        Api.Response foreignStreamer = api().post(PATH, mine.staff(), pairing(mine.village(), theirs.streamer()));
        assertThat(foreignStreamer.code()).isEqualTo("STREAMER_NOT_FOUND");
        assertThat(api().get(PATH + "/" + theirPairing, mine.staff()).code()).isEqualTo("VILLAGE_STREAMER_PAIRING_NOT_FOUND");
        assertThat(status(mine.staff(), theirPairing, "SUSPENDED").code()).isEqualTo("VILLAGE_STREAMER_PAIRING_NOT_FOUND");
        assertThat(api().get(PATH + "?streamerId=" + theirs.streamer(), mine.staff()).json().path("total").asLong()).isZero();

        // aiding staff read the aided village's pairings but cannot change or add to them
        data.pairing(mine.agency(), theirs.agency());
        assertThat(api().get(PATH + "/" + theirPairing, mine.staff()).status()).isEqualTo(200);
        assertThat(api().get(PATH + "?streamerId=" + theirs.streamer(), mine.staff()).json().path("total").asLong()).isEqualTo(1);
        Api.Response suspend = status(mine.staff(), theirPairing, "SUSPENDED");
        assertThat(suspend.status()).isEqualTo(403);
        assertThat(suspend.code()).isEqualTo("READ_ONLY_SCOPE");
        Api.Response add = api().post(PATH, mine.staff(), pairing(theirs.village(), mine.streamer()));
        assertThat(add.code()).isEqualTo("READ_ONLY_SCOPE");

        // a platform-registered streamer may be paired by any agency
        long pooled = streamer(data.admin().token(), true);
        assertThat(api().post(PATH, mine.staff(), pairing(mine.village(), pooled)).status()).isEqualTo(201);
        assertThat(api().get(PATH, data.citizen().token()).status()).isEqualTo(403);
    }

    @Test
    void badInputIsA400NamingTheProblem() {
        Fixture f = fixture();
        Map<String, Object> missing = pairing(f.village(), f.streamer());
        missing.remove("agreementNo");
        missing.remove("publicWelfare");
        Api.Response m = api().post(PATH, f.staff(), missing);
        assertThat(m.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(m.json().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("agreementNo", "publicWelfare");

        Map<String, Object> wrongType = pairing(f.village(), f.streamer());
        wrongType.put("commissionBp", "five percent");
        assertThat(api().post(PATH, f.staff(), wrongType).json().path("errors").findValuesAsString("field"))
                .containsExactly("commissionBp");
        Map<String, Object> unknown = pairing(f.village(), f.streamer());
        unknown.put("status", "ACTIVE");
        assertThat(api().post(PATH, f.staff(), unknown).code()).isEqualTo("UNKNOWN_FIELD");
        assertThat(api().put(PATH + "/1/status", f.staff(), Map.of("status", "PAUSED")).code()).isEqualTo("INVALID_FIELD_TYPE");
        assertThat(api().put(PATH + "/abc/status", f.staff(), Map.of("status", "ENDED")).code()).isEqualTo("INVALID_PARAMETER");
        assertThat(api().get(PATH + "?status=PAUSED", f.staff()).json().path("errors").findValuesAsString("field"))
                .containsExactly("status");
    }

    private Api.Response status(String token, long id, String status) {
        return api().put(PATH + "/" + id + "/status", token, Map.of("status", status));
    }
}
