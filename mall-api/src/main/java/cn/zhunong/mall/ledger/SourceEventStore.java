package cn.zhunong.mall.ledger;

import cn.zhunong.mall.infra.persistence.DuplicateKeys;
import cn.zhunong.mall.infra.persistence.FixedSizeBatches;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The events received from the orders side (ledger_source_event). Claiming an event inserts its
 * row; the unique key on event_key is what makes every call idempotent: a replay finds the row,
 * and a concurrent duplicate waits on the key and then fails, and its retry finds the row.
 */
@Component
class SourceEventStore {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final Clock clock;

    SourceEventStore(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, Clock clock) {
        this.jdbc = jdbc;
        this.named = named;
        this.clock = clock;
    }

    record SourceEvent(String key, String type, long orderId, Long orderLineId, Long refundId, long amountFen,
            Instant occurredAt) {
    }

    /** Records the events not seen before and returns their keys (inside the posting transaction). */
    Set<String> claim(List<SourceEvent> events) {
        Map<String, SourceEvent> byKey = new LinkedHashMap<>();
        events.forEach(e -> byKey.putIfAbsent(e.key(), e));
        Set<String> seen = new HashSet<>(named.queryForList("SELECT event_key FROM ledger_source_event WHERE event_key IN (:keys)",
                new MapSqlParameterSource("keys", byKey.keySet()), String.class));
        List<Object[]> rows = new ArrayList<>();
        Set<String> fresh = new HashSet<>();
        LocalDateTime now = LedgerTime.utc(clock.instant());
        for (SourceEvent e : byKey.values()) {
            if (!seen.contains(e.key())) {
                fresh.add(e.key());
                rows.add(new Object[] {e.key(), e.type(), e.orderId(), e.orderLineId(), e.refundId(), e.amountFen(),
                        LedgerTime.utc(e.occurredAt()), now});
            }
        }
        if (rows.isEmpty()) {
            return fresh;
        }
        try {
            FixedSizeBatches.insert(jdbc, "INSERT INTO ledger_source_event (event_key, type, order_id, order_line_id, "
                    + "refund_id, amount_fen, occurred_at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows);
        } catch (DuplicateKeyException e) {
            if (DuplicateKeys.violates(e, "uk_source_event_key")) {
                throw new LedgerTx.RetryableConflictException("event posted concurrently");
            }
            throw e;
        }
        return fresh;
    }
}
