package cn.zhunong.mall.ledger.allocation;

import cn.zhunong.mall.infra.persistence.FixedSizeBatches;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Source lots for allocation. Lots are read without locks and consumed with conditional updates
 * ({@code units_allocated + n <= units_supplied}); a lot the update did not change means a
 * concurrent order took the units first, and the caller retries with a fresh read.
 */
@Component
public class LotStore {

    /** SKUs per lot read: 64 branches keep the SQL text under the driver's statement-cache limit */
    private static final int SKUS_PER_READ = 64;
    private static final Map<Integer, String> FIFO_SQL = new ConcurrentHashMap<>();
    private static final Map<Integer, String> CONSUME_SQL = new ConcurrentHashMap<>();

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public LotStore(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /**
     * Lots with units left, per SKU, oldest first — no more of them than the SKU's demand (each
     * lot has at least one unit left), so a SKU with many lots costs one short index range scan.
     * {@code lock}: one plain FOR UPDATE read of all open lots, for a retry that must not lose again.
     *
     * @param demand units wanted per SKU id
     */
    public Map<Long, List<LotCursor>> fifoLots(Map<Long, Integer> demand, boolean lock) {
        Map<Long, List<LotCursor>> lots = new HashMap<>();
        if (demand.isEmpty()) {
            return lots;
        }
        String columns = "SELECT id, sku_id, household_id, units_supplied - units_allocated, purchase_price_fen, income_share_bp "
                + "FROM source_lot ";
        RowCallbackHandler row = rs -> {
            long price = rs.getLong(5);
            Long purchasePrice = rs.wasNull() ? null : price;
            int bp = rs.getInt(6);
            Integer share = rs.wasNull() ? null : bp;
            lots.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>())
                    .add(new LotCursor(rs.getLong(1), rs.getLong(3), rs.getInt(4), purchasePrice, share));
        };
        if (lock) {
            named.query(columns + "WHERE sku_id IN (:skus) AND units_allocated < units_supplied "
                    + "ORDER BY sku_id, received_on, id FOR UPDATE", new MapSqlParameterSource("skus", demand.keySet()), row);
            return lots;
        }
        // one UNION ALL branch per SKU, in chunks of fixed sizes so that the statements stay prepared
        for (List<Map.Entry<Long, Integer>> chunk : FixedSizeBatches.chunks(new ArrayList<>(new TreeMap<>(demand).entrySet()),
                SKUS_PER_READ)) {
            jdbc.query(FIFO_SQL.computeIfAbsent(chunk.size(), n -> String.join(" UNION ALL ", Collections.nCopies(n,
                    "(" + columns + "WHERE sku_id = ? AND units_allocated < units_supplied ORDER BY received_on, id LIMIT ?)"))),
                    row, flatten(chunk));
        }
        return lots;
    }

    /**
     * Applies what the plan took from each lot; false if any lot no longer had the units (the
     * caller then rolls back). One UPDATE per chunk of lots, joined to the (lot, units) pairs, in
     * lot id order; fixed chunk sizes keep the statements prepared (see {@link FixedSizeBatches}).
     */
    public boolean consume(List<LotCursor> lots) {
        Map<Long, Integer> taken = new TreeMap<>();
        for (LotCursor lot : lots) {
            if (lot.taken() > 0) {
                taken.merge(lot.id(), lot.taken(), Integer::sum);
            }
        }
        for (List<Map.Entry<Long, Integer>> chunk : FixedSizeBatches.chunks(new ArrayList<>(taken.entrySet()))) {
            if (jdbc.update(consumeSql(chunk.size()), flatten(chunk)) != chunk.size()) {
                return false;
            }
        }
        return true;
    }

    /** The statement arguments of (id, units) pairs: id1, units1, id2, units2, ... */
    private static Object[] flatten(List<Map.Entry<Long, Integer>> pairs) {
        Object[] args = new Object[pairs.size() * 2];
        for (int i = 0; i < pairs.size(); i++) {
            args[2 * i] = pairs.get(i).getKey();
            args[2 * i + 1] = pairs.get(i).getValue();
        }
        return args;
    }

    private static String consumeSql(int lots) {
        return CONSUME_SQL.computeIfAbsent(lots, n -> "UPDATE source_lot l JOIN ("
                + String.join(" UNION ALL ", Collections.nCopies(n, "SELECT ? AS id, ? AS units"))
                + ") t ON l.id = t.id SET l.units_allocated = l.units_allocated + t.units "
                + "WHERE l.units_allocated + t.units <= l.units_supplied");
    }
}
