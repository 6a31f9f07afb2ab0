package cn.zhunong.mall.infra.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.zhunong.mall.support.ApiTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

class OutboxRelayTest extends ApiTest {

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxRelay relay;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    @Test
    void anEventWrittenWithItsChangeIsPublishedToTheStreamAndStamped() {
        long aggregate = System.nanoTime();
        tx.executeWithoutResult(s -> outbox.append("TEST_EVENT", "TEST", aggregate, Map.of("answer", 42)));
        Long eventId = jdbc.queryForObject("SELECT id FROM outbox_event WHERE aggregate_type = 'TEST' AND aggregate_id = ?",
                Long.class, aggregate);

        // the scheduled relay may get there first; either way the row ends up stamped and on the stream
        relay.relayAll();
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT published_at IS NOT NULL FROM outbox_event WHERE id = ?", Boolean.class, eventId));

        List<MapRecord<String, Object, Object>> records = redis.opsForStream().reverseRange("zhunong:events", Range.unbounded());
        assertThat(records).anySatisfy(r -> {
            assertThat(r.getValue()).containsEntry("eventId", eventId.toString()).containsEntry("type", "TEST_EVENT");
            assertThat(r.getValue().get("payload").toString()).contains("\"answer\"");
        });
    }

    @Test
    void noEventIsWrittenOutsideATransaction() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> outbox.append("TEST_EVENT", "TEST", 1, Map.of()))
                .isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
    }
}
