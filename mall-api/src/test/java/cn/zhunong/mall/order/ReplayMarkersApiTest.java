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

    private void assertStockSettled(long sku, int stock) {
        assertThat(shop.stock(sku)).isEqualTo(stock);
        assertThat(shop.redisStock(sku)).isEqualTo(stock);
        assertThat(shop.inflightEntries(sku)).isZero();
    }

    @Test
    void theCommitSetsAMarkerWithItsTtlAndAReplayIsAnsweredWithoutReserving() {
        long sku = shop.simpleSku(shop.shop(), 1200, 10);
        TestData.Login buyer = data.citizen();
        String key = OrderClient.newKey();
        long id = order(buyer, key, sku, 3).json().path("id").asLong();

        Long ttl = redis.getExpire(ReplayMarkers.key(buyer.userId(), key), TimeUnit.MILLISECONDS);
        assertThat(ttl).isBetween(Duration.ofMinutes(9).toMillis(), Duration.ofMinutes(10).toMillis());
        Api.Response replay = order(buyer, key, sku, 3);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().path("id").asLong()).isEqualTo(id);
        assertStockSettled(sku, 7);
    }

    @Test
    void aReplayWhoseMarkerIsGoneMeetsTheUniqueKeyAndGetsItsOrder() {
        long sku = shop.simpleSku(shop.shop(), 1200, 10);
        TestData.Login buyer = data.citizen();
        String key = OrderClient.newKey();
        long id = order(buyer, key, sku, 2).json().path("id").asLong();
        redis.delete(ReplayMarkers.key(buyer.userId(), key));

        Api.Response replay = order(buyer, key, sku, 2);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().path("id").asLong()).isEqualTo(id);
        assertStockSettled(sku, 8);

        redis.delete(ReplayMarkers.key(buyer.userId(), key));
        Api.Response otherBody = order(buyer, key, sku, 1);
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertStockSettled(sku, 8);
    }

    @Test
    void aReplayOfTheLastUnitsGetsItsOrderAfterTheSkuSoldOut() {
        long sku = shop.simpleSku(shop.shop(), 1200, 2);
        TestData.Login buyer = data.citizen();
        String key = OrderClient.newKey();
        long id = order(buyer, key, sku, 2).json().path("id").asLong();
        assertThat(order(data.citizen(), OrderClient.newKey(), sku, 1).code()).isEqualTo("STOCK_INSUFFICIENT");

        assertThat(order(buyer, key, sku, 2).json().path("id").asLong()).isEqualTo(id);
        // without the marker the reservation refuses it as sold out; the refusal looks the key up
        redis.delete(ReplayMarkers.key(buyer.userId(), key));
        Api.Response replay = order(buyer, key, sku, 2);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().path("id").asLong()).isEqualTo(id);
        assertStockSettled(sku, 0);
    }

    @Test
    void parallelReplaysWithAndWithoutTheMarkerAllGetTheOneOrder() {
        long sku = shop.simpleSku(shop.shop(), 1200, 100);
        TestData.Login buyer = data.citizen();
        String key = OrderClient.newKey();
        long id = order(buyer, key, sku, 1).json().path("id").asLong();
        for (boolean withMarker : new boolean[] {true, false}) {
            if (!withMarker) {
                redis.delete(ReplayMarkers.key(buyer.userId(), key));
            }
            List<Api.Response> replays = Parallel.run(Collections.nCopies(16, () -> order(buyer, key, sku, 1)));
            assertThat(replays).extracting(Api.Response::status).containsOnly(200);
            assertThat(replays).extracting(r -> r.json().path("id").asLong()).containsOnly(id);
            assertStockSettled(sku, 99);
        }
    }

    @Test
    void aMarkerWithoutItsOrderDoesNotBlockTheOrder() {
        long sku = shop.simpleSku(shop.shop(), 1200, 10);
        TestData.Login buyer = data.citizen();
        String key = OrderClient.newKey();
        // e.g. Redis kept while the database was restored from a backup
        redis.opsForValue().set(ReplayMarkers.key(buyer.userId(), key), "1");

        Api.Response placed = order(buyer, key, sku, 4);
        assertThat(placed.status()).isEqualTo(201);
        assertStockSettled(sku, 6);
        assertThat(order(buyer, key, sku, 4).json().path("id").asLong()).isEqualTo(placed.json().path("id").asLong());
        assertStockSettled(sku, 6);
    }
}
