package cn.zhunong.mall.order;

import static cn.zhunong.mall.support.OrderClient.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zhunong.mall.support.Api;
import cn.zhunong.mall.support.ApiTest;
import cn.zhunong.mall.support.OrderClient;
import cn.zhunong.mall.support.OrderTestData;
import cn.zhunong.mall.support.TestData;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A SKU row locked by another transaction holds up every new order of the instance (one writer).
 * The writer's wait is bounded (zhunong.orders.writer-lock-wait-seconds, 3 s) instead of InnoDB's
 * 50 s, a batch that ran out of it fails as a whole instead of each order waiting again alone, and
 * the buyers are told to try again with nothing reserved or written.
 */
class OrderWriterLockWaitTest extends ApiTest {

    private static final int BUYERS = 6;

    @Autowired
    OrderTestData shop;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void ordersBehindALockedSkuRowAreRefusedWithinTheWritersBoundAndCanBeRetried() throws Exception {
        long sku = shop.simpleSku(shop.shop(), 800, 50);
        OrderClient client = new OrderClient(port);
        List<TestData.Login> buyers = shop.buyers(BUYERS);
        List<String> keys = new ArrayList<>();

        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            lockRow(holder, sku);

            List<CompletableFuture<Api.Response>> answers = new ArrayList<>();
            for (TestData.Login buyer : buyers) {
                String key = OrderClient.newKey();
                keys.add(key);
                answers.add(CompletableFuture.supplyAsync(() -> client.placeOrder(buyer.token(), key, body(sku, 1))));
            }
            for (CompletableFuture<Api.Response> answer : answers) {
                // bounded by the writer's 3 s (a batch, then the orders queued behind it), far below InnoDB's 50 s
                Api.Response response = answer.get(20, TimeUnit.SECONDS);
                assertThat(response.status()).isEqualTo(503);
                assertThat(response.code()).isEqualTo("BUSY_TRY_AGAIN");
            }
            holder.rollback();
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> shop.assertStockSettled(sku, 50));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM order_line WHERE sku_id = ?", Integer.class, sku)).isZero();

        // the row is free again: the same request with the same key is an order now
        Api.Response retried = client.placeOrder(buyers.get(0).token(), keys.get(0), body(sku, 1));
        assertThat(retried.status()).isEqualTo(201);
        shop.assertStockSettled(sku, 49);
    }

    private static void lockRow(Connection holder, long sku) throws Exception {
        try (PreparedStatement lock = holder.prepareStatement("SELECT id FROM sku WHERE id = ? FOR UPDATE")) {
            lock.setLong(1, sku);
            lock.executeQuery().close();
        }
    }
}
