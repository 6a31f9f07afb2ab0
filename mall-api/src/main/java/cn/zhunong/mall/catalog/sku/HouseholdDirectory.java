package cn.zhunong.mall.catalog.sku;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The one fact the catalog needs about a household when linking it to a SKU: its village. */
@Component
public class HouseholdDirectory {

    private final JdbcTemplate jdbc;

    public HouseholdDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Long> villageOf(long householdId) {
        List<Long> ids = jdbc.queryForList("SELECT village_id FROM household WHERE id = ?", Long.class, householdId);
        return ids.stream().findFirst();
    }
}
