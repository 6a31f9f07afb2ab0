package cn.zhunong.mall.ledger.allocation;

import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
     * Lots with units left, per SKU, oldest first. {@code lock}: read with FOR UPDATE, for a
     * retry that must not lose again.
     */
    public Map<Long, List<LotCursor>> fifoLots(Collection<Long> skuIds, boolean lock) {
        Map<Long, List<LotCursor>> lots = new HashMap<>();
        if (skuIds.isEmpty()) {
            return lots;
        }
        named.query("SELECT id, sku_id, household_id, units_supplied - units_allocated, purchase_price_fen, income_share_bp "
                + "FROM source_lot WHERE sku_id IN (:skus) AND units_allocated < units_supplied "
                + "ORDER BY sku_id, received_on, id" + (lock ? " FOR UPDATE" : ""),
                new MapSqlParameterSource("skus", skuIds), rs -> {
                    long price = rs.getLong(5);
                    Long purchasePrice = rs.wasNull() ? null : price;
                    int bp = rs.getInt(6);
                    Integer share = rs.wasNull() ? null : bp;
                    lots.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>())
                            .add(new LotCursor(rs.getLong(1), rs.getLong(3), rs.getInt(4), purchasePrice, share));
                });
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
