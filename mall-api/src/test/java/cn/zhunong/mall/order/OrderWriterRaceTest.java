package cn.zhunong.mall.order;

import static cn.zhunong.mall.support.OrderClient.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zhunong.mall.order.stock.StockCounters;
import cn.zhunong.mall.support.Api;
import cn.zhunong.mall.support.ApiTest;
import cn.zhunong.mall.support.OrderClient;
import cn.zhunong.mall.support.OrderTestData;
import cn.zhunong.mall.support.TestData;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The order writer against InnoDB's duplicate-key deadlock: when a transaction holding an
 * Idempotency-Key rolls back (a batch that failed as a whole), every writer waiting on that key
 * gets a shared lock at once and they deadlock on their inserts. The loser must be retried, so a
 * concurrent retry of an order is answered as a replay, never as a server error. mall-api runs
 * one writer by default; this race needs two, so the test has a writer of its own with two threads.
 */
class OrderWriterRaceTest extends ApiTest {

    @Autowired
    OrderTestData shop;

    @Autowired
    OrderRows rows;

    @Autowired
    StockCounters counters;

    @Autowired
    ReplayMarkers replayMarkers;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    OrderMapper orders;

    @Autowired
    OrderLineMapper lines;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void writersWaitingOnAKeyWhoseHolderRollsBackDoNotFailWithADeadlock() throws Exception {
        long sku = shop.simpleSku(shop.shop(), 1200, 50);
        TestData.Login buyer = data.citizen();
        Api.Response template = new OrderClient(port).placeOrder(buyer.token(), OrderClient.newKey(), body(sku, 1));
        assertThat(template.status()).isEqualTo(201);
        long templateId = template.json().path("id").asLong();
        String key = OrderClient.newKey();

        // two threads; a 50 s stock lock wait, so a slow machine cannot run out of it before the rollback
        OrderWriter writer = new OrderWriter(rows, counters, replayMarkers, transactions, 2, 64, 50);
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            insertCopyHoldingKey(holder, templateId, key);

            List<CompletableFuture<Void>> writes = new ArrayList<>();
            for (int waiting = 1; waiting <= 2; waiting++) {
                Order order = copyOf(templateId, key);
                List<OrderLine> orderLines = linesOf(templateId);
                writes.add(CompletableFuture.runAsync(() -> writer.write(order, orderLines, Map.of(sku, 1))));
                int expected = waiting;
                await().atMost(Duration.ofSeconds(20)).until(() -> lockWaits() >= expected);
            }
            holder.rollback();

            List<Throwable> failures = new ArrayList<>();
            for (CompletableFuture<Void> write : writes) {
                try {
                    write.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    failures.add(e.getCause());
                }
            }
            assertThat(failures).singleElement().isInstanceOf(DuplicateKeyException.class);
        } finally {
            writer.stop();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM orders WHERE user_id = ? AND idempotency_key = ?",
                Integer.class, buyer.userId(), key)).isEqualTo(1);
        assertThat(shop.stock(sku)).isEqualTo(48);
    }

    private static void insertCopyHoldingKey(Connection holder, long templateId, String key) throws Exception {
        try (PreparedStatement insert = holder.prepareStatement("""
                INSERT INTO orders (order_no, user_id, agency_id, idempotency_key, request_hash, status, goods_fen,
                  shipping_fen, total_fen, receiver_name, receiver_phone_enc, receiver_phone_masked, province_code,
                  receiver_address, expires_at, paid_fen, refunded_fen, created_at, updated_at)
                SELECT ?, user_id, agency_id, ?, request_hash, status, goods_fen, shipping_fen, total_fen, receiver_name,
                  receiver_phone_enc, receiver_phone_masked, province_code, receiver_address, expires_at, 0, 0,
                  created_at, updated_at
                FROM orders WHERE id = ?""")) {
            insert.setString(1, OrderNumbers.next(Instant.now()));
            insert.setString(2, key);
            insert.setLong(3, templateId);
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
    }

    private Order copyOf(long templateId, String key) {
        Order order = orders.selectById(templateId);
        order.setId(null);
        order.setOrderNo(OrderNumbers.next(Instant.now()));
        order.setIdempotencyKey(key);
        return order;
    }

    private List<OrderLine> linesOf(long templateId) {
        List<OrderLine> copies = lines.findByOrderId(templateId);
        copies.forEach(l -> {
            l.setId(null);
            l.setOrderId(null);
        });
        return copies;
    }

    private int lockWaits() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.innodb_trx WHERE trx_state = 'LOCK WAIT'",
                Integer.class);
    }
}
