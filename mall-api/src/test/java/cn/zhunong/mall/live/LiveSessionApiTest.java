package cn.zhunong.mall.live;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhunong.mall.support.Api;
import cn.zhunong.mall.support.ApiTest;
import cn.zhunong.mall.support.TestData;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

class LiveSessionApiTest extends ApiTest {

    @Autowired
    StringRedisTemplate redis;

    private LiveFixtures fixtures;
    private long agency;
    private long village;
    private long streamer;
    private long pairing;
    private TestData.Login staff;
    private TestData.Login host;

    @BeforeEach
    void world() {
        fixtures = new LiveFixtures(data);
        agency = data.agency("直播测试社工站");
        village = data.village(agency, "直播村");
        streamer = fixtures.streamer();
        pairing = fixtures.pairing(village, streamer, "ACTIVE");
        staff = data.staff(agency);
        host = data.hostOf(streamer);
    }

    @Test
    void thePairedHostOrTheVillagesAgencySchedulesAndLiveRoomLearnsWhoHosts() {
        Api.Response created = schedule(host.token(), pairing);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(created.json().path("status").asString()).isEqualTo("SCHEDULED");
        assertThat(created.json().path("villageName").asString()).isEqualTo("直播村");
        assertThat(redis.opsForHash().entries("live:session:" + id))
                .containsEntry("streamerId", Long.toString(streamer)).containsEntry("status", "SCHEDULED");
        assertThat(schedule(staff.token(), pairing).status()).isEqualTo(201);
    }

    @Test
    void othersCannotSchedule() {
        assertThat(schedule(data.hostOf(fixtures.streamer()).token(), pairing).status()).isEqualTo(403);
        assertThat(schedule(data.citizen().token(), pairing).status()).isEqualTo(403);
        long other = data.agency("别的社工站");
        assertThat(schedule(data.staff(other).token(), pairing).code()).isEqualTo("PAIRING_NOT_FOUND");
        long aiding = data.agency("帮扶机构");
        data.pairing(aiding, agency);
        assertThat(schedule(data.staff(aiding).token(), pairing).code()).isEqualTo("READ_ONLY_SCOPE");
        long suspended = fixtures.pairing(data.village(agency, "暂停村"), streamer, "SUSPENDED");
        assertThat(schedule(staff.token(), suspended).code()).isEqualTo("PAIRING_NOT_ACTIVE");
    }

    @Test
    void badSchedulesAreRefused() {
        Instant start = Instant.now().plus(1, ChronoUnit.DAYS);
        assertThat(api().post("/api/v1/live-sessions", staff.token(), Map.of("pairingId", pairing, "title", "助农直播",
                "scheduledStart", start.toString(), "scheduledEnd", start.minusSeconds(60).toString())).code())
                .isEqualTo("INVALID_PERIOD");
        assertThat(api().post("/api/v1/live-sessions", staff.token(), Map.of("pairingId", pairing, "title", "助农直播",
                "scheduledStart", start.toString(), "scheduledEnd", start.plus(13, ChronoUnit.HOURS).toString())).code())
                .isEqualTo("SESSION_TOO_LONG");
        Api.Response past = api().post("/api/v1/live-sessions", staff.token(), Map.of("pairingId", pairing, "title", "x",
                "scheduledStart", "2020-01-01T00:00:00Z", "scheduledEnd", start.toString()));
        assertThat(past.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(past.body()).contains("scheduledStart");
        assertThat(api().post("/api/v1/live-sessions", staff.token(), "{\"pairingId\":\"abc\"}").code())
                .isEqualTo("INVALID_FIELD_TYPE");
        assertThat(api().post("/api/v1/live-sessions", staff.token(), Map.of("pairingId", pairing, "title", "x",
                "scheduledStart", start.toString(), "scheduledEnd", start.plusSeconds(3600).toString(), "streamName", "x"))
                .code()).isEqualTo("UNKNOWN_FIELD");
    }

    @Test
    void theLifecycleIsCompareAndSetEvenUnderARace() throws Exception {
        long id = schedule(host.token(), pairing).json().path("id").asLong();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<Integer>> starts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Callable<Integer> start = () -> api().post("/api/v1/live-sessions/" + id + "/start", host.token(), "{}").status();
            starts.add(pool.submit(start));
        }
        int ok = 0;
        for (Future<Integer> f : starts) {
            ok += f.get() == 200 ? 1 : 0;
        }
        pool.shutdown();
        assertThat(ok).isEqualTo(1);
        assertThat(redis.opsForHash().get("live:session:" + id, "status")).isEqualTo("LIVE");
        assertThat(api().post("/api/v1/live-sessions/" + id + "/cancel", host.token(), "{}").code())
                .isEqualTo("LIVE_SESSION_STATE_CONFLICT");
        Api.Response ended = api().post("/api/v1/live-sessions/" + id + "/end", staff.token(), "{}");
        assertThat(ended.json().path("status").asString()).isEqualTo("ENDED");
        assertThat(ended.json().path("endedAt").asString()).isNotBlank();
        assertThat(api().post("/api/v1/live-sessions/" + id + "/start", host.token(), "{}").status()).isEqualTo(409);
        assertThat(api().post("/api/v1/live-sessions/" + id + "/end", data.citizen().token(), "{}").status()).isEqualTo(403);
    }

    @Test
    void theShelfTakesOnSaleSkusOfTheVillageInOrder() {
        long id = schedule(host.token(), pairing).json().path("id").asLong();
        long first = fixtures.sku(agency, village, "ON_SALE");
        long second = fixtures.sku(agency, village, "ON_SALE");
        Api.Response shelf = api().put("/api/v1/live-sessions/" + id + "/shelf", host.token(), Map.of("skuIds", List.of(second, first)));
        assertThat(shelf.status()).as(shelf.body()).isEqualTo(200);
        assertThat(shelf.json().path("shelf").get(0).path("skuId").asLong()).isEqualTo(second);
        assertThat(shelf.json().path("shelf").get(1).path("priceFen").asLong()).isEqualTo(3990);
        long draft = fixtures.sku(agency, village, "DRAFT");
        long elsewhere = fixtures.sku(agency, data.village(agency, "外村"), "ON_SALE");
        assertThat(api().put("/api/v1/live-sessions/" + id + "/shelf", host.token(), Map.of("skuIds", List.of(draft))).code())
                .isEqualTo("SKU_NOT_ELIGIBLE");
        assertThat(api().put("/api/v1/live-sessions/" + id + "/shelf", host.token(), Map.of("skuIds", List.of(elsewhere))).code())
                .isEqualTo("SKU_NOT_ELIGIBLE");
        assertThat(api().put("/api/v1/live-sessions/" + id + "/shelf", host.token(), Map.of("skuIds", List.of(first, first))).code())
                .isEqualTo("DUPLICATE_SKU");
        assertThat(api().get("/api/v1/live-sessions/" + id, null).json().path("shelf").size()).isEqualTo(2);
    }

    @Test
    void viewersGetSignedPullUrlsAndOnlyTheHostGetsThePushUrl() {
        long id = schedule(host.token(), pairing).json().path("id").asLong();
        Api.Response anonymous = api().get("/api/v1/live-sessions/" + id + "/stream-urls", null);
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json().path("push").isNull()).isTrue();
        assertThat(anonymous.json().path("flv").asString()).contains(".flv?txSecret=").contains("&txTime=");
        Api.Response forHost = api().get("/api/v1/live-sessions/" + id + "/stream-urls", host.token());
        assertThat(forHost.json().path("push").asString()).startsWith("rtmp://").contains("txSecret=");
        api().post("/api/v1/live-sessions/" + id + "/cancel", staff.token(), "{}");
        assertThat(api().get("/api/v1/live-sessions/" + id + "/stream-urls", null).status()).isEqualTo(409);
        assertThat(api().get("/api/v1/live-sessions/999999999", null).code()).isEqualTo("LIVE_SESSION_NOT_FOUND");
    }

    private Api.Response schedule(String token, long pairingId) {
        Instant start = Instant.now().plus(1, ChronoUnit.DAYS);
        return api().post("/api/v1/live-sessions", token, Map.of("pairingId", pairingId, "title", "岜沙百香果助农直播",
                "scheduledStart", start.toString(), "scheduledEnd", start.plus(2, ChronoUnit.HOURS).toString()));
    }
}
