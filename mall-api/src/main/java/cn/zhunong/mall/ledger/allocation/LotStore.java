package cn.zhunong.mall.ledger.allocation;

import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Source lots for allocation. Lots are read without locks and consumed with conditional updates
 * ({@code units_allocated + n <= units_supplied}); an update that matches no row means a
 * concurrent order took the units first, and the caller retries with a fresh read.
 */
@Component
public class LotStore {

    private static final String UPDATE = "UPDATE source_lot SET units_allocated = units_allocated + ? "
            + "WHERE id = ? AND units_allocated + ? <= units_supplied";

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
        StringBuilder sql = new StringBuilder();
        List<Object> args = new ArrayList<>(demand.size() * 2);
        for (Map.Entry<Long, Integer> e : new TreeMap<>(demand).entrySet()) {
            if (!sql.isEmpty()) {
                sql.append(" UNION ALL ");
            }
            sql.append('(').append(columns).append("WHERE sku_id = ? AND units_allocated < units_supplied "
                    + "ORDER BY received_on, id LIMIT ?)");
            args.add(e.getKey());
            args.add(e.getValue());
        }
        jdbc.query(sql.toString(), row, args.toArray());
        return lots;
    }

    /** Applies what the plan took from each lot; false if any lot no longer had the units. */
    public boolean consume(List<LotCursor> lots) {
        List<Object[]> rows = new ArrayList<>();
        for (LotCursor lot : lots) {
            if (lot.taken() > 0) {
                rows.add(new Object[] {lot.taken(), lot.id(), lot.taken()});
            }
        }
        if (rows.isEmpty()) {
            return true;
        }
        int[] counts = jdbc.batchUpdate(UPDATE, rows);
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == Statement.SUCCESS_NO_INFO) {
                // the driver could not say per statement: fall back to one update at a time
                return consumeOneByOne(rows.subList(i, rows.size()));
            }
            if (counts[i] != 1) {
                return false;
            }
        }
        return true;
    }

    private boolean consumeOneByOne(List<Object[]> rows) {
        for (Object[] row : rows) {
            if (jdbc.update(UPDATE, row) != 1) {
                return false;
            }
        }
        return true;
    }
}
