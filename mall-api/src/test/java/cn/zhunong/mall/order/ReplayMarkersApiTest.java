package cn.zhunong.mall.order;

import static cn.zhunong.mall.support.OrderClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import cn.zhunong.mall.support.Api;
import cn.zhunong.mall.support.ApiTest;
import cn.zhunong.mall.support.OrderClient;
import cn.zhunong.mall.support.OrderTestData;
import cn.zhunong.mall.support.Parallel;
import cn.zhunong.mall.support.TestData;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Idempotency-Key replays told apart by their Redis marker, and the database's unique key deciding
 * whenever the marker is missing, expired or wrong.
 */
class ReplayMarkersApiTest extends ApiTest {

    @Autowired
    OrderTestData shop;

    @Autowired
    StringRedisTemplate redis;

    private Api.Response order(TestData.Login buyer, String key, long sku, int quantity) {
        return new OrderClient(port).placeOrder(buyer.token(), key, body(sku, quantity));
    }

    /** An order of {@code quantity} units of a new SKU with {@code stock} units, placed by a new buyer. */
    private record Placed(long sku, TestData.Login buyer, String key, int quantity, long id) {
    }

    private Placed placed(int stock, int quantity) {
        long sku = shop.simpleSku(shop.shop(), 1200, stock);
        TestData.Login buyer = data.citizen();
        String key = OrderClient.newKey();
        Api.Response created = order(buyer, key, sku, quantity);
        assertThat(created.status()).isEqualTo(201);
        return new Placed(sku, buyer, key, quantity, created.json().path("id").asLong());
    }

    private Api.Response replay(Placed placed) {
        return order(placed.buyer(), placed.key(), placed.sku(), placed.quantity());
    }

    private String marker(Placed placed) {
        return ReplayMarkers.key(placed.buyer().userId(), placed.key());
    }

    private static void assertReplayOf(Api.Response replay, Placed placed) {
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().path("id").asLong()).isEqualTo(placed.id());
    }

    @Test
    void theCommitSetsAMarkerWithItsTtlAndAReplayIsAnsweredWithoutReserving() {
        Placed placed = placed(10, 3);

        Long ttl = redis.getExpire(marker(placed), TimeUnit.MILLISECONDS);
        assertThat(ttl).isBetween(Duration.ofMinutes(9).toMillis(), Duration.ofMinutes(10).toMillis());
        assertReplayOf(replay(placed), placed);
        shop.assertStockSettled(placed.sku(), 7);
    }

    @Test
    void aReplayWhoseMarkerIsGoneMeetsTheUniqueKeyAndGetsItsOrder() {
        Placed placed = placed(10, 2);
        redis.delete(marker(placed));

        assertReplayOf(replay(placed), placed);
        shop.assertStockSettled(placed.sku(), 8);

        redis.delete(marker(placed));
        Api.Response otherBody = order(placed.buyer(), placed.key(), placed.sku(), 1);
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        shop.assertStockSettled(placed.sku(), 8);
    }

    @Test
    void aReplayOfTheLastUnitsGetsItsOrderAfterTheSkuSoldOut() {
        Placed placed = placed(2, 2);
        assertThat(order(data.citizen(), OrderClient.newKey(), placed.sku(), 1).code()).isEqualTo("STOCK_INSUFFICIENT");

        assertReplayOf(replay(placed), placed);
        // without the marker the reservation refuses it as sold out; the refusal looks the key up
        redis.delete(marker(placed));
        assertReplayOf(replay(placed), placed);
        shop.assertStockSettled(placed.sku(), 0);
    }

    @Test
    void parallelReplaysWithAndWithoutTheMarkerAllGetTheOneOrder() {
        Placed placed = placed(100, 1);
        for (boolean withMarker : new boolean[] {true, false}) {
            if (!withMarker) {
                redis.delete(marker(placed));
            }
            List<Api.Response> replays = Parallel.run(Collections.nCopies(16, () -> replay(placed)));
            assertThat(replays).extracting(Api.Response::status).containsOnly(200);
            assertThat(replays).extracting(r -> r.json().path("id").asLong()).containsOnly(placed.id());
            shop.assertStockSettled(placed.sku(), 99);
        }
    }

    @Test
    void aMarkerWithoutItsOrderDoesNotBlockTheOrder() {
        long sku = shop.simpleSku(shop.shop(), 1200, 10);
        TestData.Login buyer = data.citizen();
        String key = OrderClient.newKey();
        // e.g. Redis kept while the database was restored from a backup
        redis.opsForValue().set(ReplayMarkers.key(buyer.userId(), key), "1");

        Api.Response created = order(buyer, key, sku, 4);
        assertThat(created.status()).isEqualTo(201);
        shop.assertStockSettled(sku, 6);
        assertThat(order(buyer, key, sku, 4).json().path("id").asLong()).isEqualTo(created.json().path("id").asLong());
        shop.assertStockSettled(sku, 6);
    }
}
