package cn.zhunong.mall.order.stock;

import static cn.zhunong.mall.support.OrderClient.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zhunong.mall.support.Api;
import cn.zhunong.mall.support.ApiTest;
import cn.zhunong.mall.support.OrderClient;
import cn.zhunong.mall.support.OrderTestData;
import cn.zhunong.mall.support.Parallel;
import cn.zhunong.mall.support.TestData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** Many buyers, one SKU: never oversold, and Redis agrees with the database afterwards. */
class StockConcurrencyTest extends ApiTest {

    @Autowired
    OrderTestData shop;

    @Autowired
    StockReconciler reconciler;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    @Test
    void fiveHundredBuyersForOneHundredUnitsBuyExactlyOneHundred() {
        long sku = shop.simpleSku(shop.shop(), 990, 100);
        List<TestData.Login> buyers = shop.buyers(500);
        OrderClient client = new OrderClient(port);
        List<Callable<Api.Response>> calls = new ArrayList<>();
        for (TestData.Login buyer : buyers) {
            calls.add(() -> client.placeOrder(buyer.token(), OrderClient.newKey(), body(sku, 1)));
        }

        List<Api.Response> responses = Parallel.run(calls);

        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(100);
        assertThat(responses).filteredOn(r -> r.status() != 201)
                .allSatisfy(r -> assertThat(r.code()).isEqualTo("STOCK_INSUFFICIENT"))
                .hasSize(400);
        assertThat(shop.stock(sku)).isZero();
        Integer sold = jdbc.queryForObject("SELECT COALESCE(SUM(quantity), 0) FROM order_line WHERE sku_id = ?", Integer.class, sku);
        assertThat(sold).isEqualTo(100);
        assertThat(shop.redisStock(sku)).isZero();
        assertThat(shop.inflightEntries(sku)).isZero();
        assertThat(reconciler.drift(sku)).isZero();
    }

    @Test
    void manyUnitsPerOrderStillNeverOversell() {
        long sku = shop.simpleSku(shop.shop(), 990, 50);
        List<TestData.Login> buyers = shop.buyers(60);
        OrderClient client = new OrderClient(port);
        List<Callable<Api.Response>> calls = new ArrayList<>();
        for (int i = 0; i < buyers.size(); i++) {
            int quantity = 1 + i % 7;
            TestData.Login buyer = buyers.get(i);
            calls.add(() -> client.placeOrder(buyer.token(), OrderClient.newKey(), body(sku, quantity)));
        }
        List<Api.Response> responses = Parallel.run(calls);
        int bought = responses.stream().filter(r -> r.status() == 201)
                .mapToInt(r -> r.json().path("lines").get(0).path("quantity").asInt()).sum();
        assertThat(bought).isLessThanOrEqualTo(50);
        assertThat(shop.stock(sku)).isEqualTo(50 - bought).isGreaterThanOrEqualTo(0);
        assertThat(shop.redisStock(sku)).isEqualTo(50 - bought);
        // whatever is left is less than the smallest refused order: nothing was refused that could have been sold
        responses.stream().filter(r -> r.status() == 409).forEach(r -> assertThat(r.code()).isEqualTo("STOCK_INSUFFICIENT"));
    }

    @Test
    void aCounterThatDriftedIsRepairedWhenTheDriftIsSeenTwice() {
        long sku = shop.simpleSku(shop.shop(), 990, 30);
        OrderClient client = new OrderClient(port);
        assertThat(client.placeOrder(data.citizen().token(), OrderClient.newKey(), body(sku, 2)).status()).isEqualTo(201);
        assertThat(shop.redisStock(sku)).isEqualTo(28);

        // a restock written straight to the database, and a lost give-back in Redis
        jdbc.update("UPDATE sku SET stock = stock + 10 WHERE id = ?", sku);
        redis.opsForValue().decrement("zhunong:stock:" + sku, 3);
        assertThat(reconciler.drift(sku)).isEqualTo(-13);
        // repaired once the same drift was seen on two runs (the scheduled runs may take part)
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            reconciler.reconcile();
            assertThat(shop.redisStock(sku)).isEqualTo(38);
        });
        assertThat(shop.stock(sku)).isEqualTo(38);
    }

    @Test
    void aReservationWhoseProcessDiedIsSettled() {
        long sku = shop.simpleSku(shop.shop(), 990, 30);
        OrderClient client = new OrderClient(port);
        long orderId = client.placeOrder(data.citizen().token(), OrderClient.newKey(), body(sku, 2)).json().path("id").asLong();
        String committedOrderNo = shop.orderNo(orderId);
        long longAgo = System.currentTimeMillis() - 3_600_000;
        // two reservations left behind by a crash: one whose order never committed, one whose confirmation was lost
        redis.opsForValue().decrement("zhunong:stock:" + sku, 4);
        redis.opsForHash().put("zhunong:stock:" + sku + ":inflight", "ZN-NEVER-COMMITTED", "4:" + longAgo);
        redis.opsForHash().put("zhunong:stock:" + sku + ":inflight", committedOrderNo, "2:" + longAgo);
        assertThat(reconciler.drift(sku)).isEqualTo(2);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            reconciler.reconcile();
            assertThat(shop.inflightEntries(sku)).isZero();
        });
        assertThat(shop.redisStock(sku)).isEqualTo(28);
        assertThat(reconciler.drift(sku)).isZero();
    }
}
