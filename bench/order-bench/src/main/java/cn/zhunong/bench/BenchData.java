package cn.zhunong.bench;

import cn.zhunong.mall.infra.security.AccessTokenIssuer;
import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.security.Role;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** The benchmark's shop (one agency, one village), its SKUs and its buyers, written with plain SQL. */
final class BenchData {

    record Buyer(long id, String token) {
    }

    private final JdbcTemplate jdbc;
    private final AccessTokenIssuer tokens;
    private final long agency;
    private final long village;
    private int seq;

    BenchData(JdbcTemplate jdbc, AccessTokenIssuer tokens) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.agency = insert("INSERT INTO agency (name, type, credit_code, region_code, created_at, updated_at) "
                + "VALUES ('压测合作社', 'COOPERATIVE', '93440106MA5BENCH01', '440106', ?, ?)", now(), now());
        this.village = insert("INSERT INTO village (agency_id, name, division_code, county_code, county_name, created_at, "
                + "updated_at) VALUES (?, '压测村', '440106000001', '440106', '天河区', ?, ?)", agency, now(), now());
    }

    /** A SKU (of its own product) priced 9.90 with {@code stock} units, max 5 per order, free shipping. */
    long sku(int stock) {
        long product = insert("INSERT INTO product (agency_id, village_id, name, perishable, status, on_sale_at, created_at, "
                + "updated_at) VALUES (?, ?, ?, 1, 'ON_SALE', ?, ?, ?)", agency, village, "秒杀土鸡蛋" + (++seq), now(), now(), now());
        return insert("INSERT INTO sku (product_id, spec, unit, report_milli_units, weight_grams, price_fen, stock, max_per_order, "
                + "status, created_at, updated_at) VALUES (?, '30枚装', 'BOX', 0, 1500, 990, ?, 5, 'ACTIVE', ?, ?)",
                product, stock, now(), now());
    }

    void setStock(long sku, int stock) {
        jdbc.update("UPDATE sku SET stock = ? WHERE id = ?", stock, sku);
    }

    List<Buyer> buyers(int n) {
        List<Buyer> buyers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long id = insert("INSERT INTO user_account (login_name, password_hash, role, display_name, enabled, created_at, "
                    + "updated_at) VALUES (?, 'x', 'CITIZEN', '压测买家', 1, ?, ?)", "1390000" + String.format("%04d", i), now(), now());
            buyers.add(new Buyer(id, tokens.issue(new CurrentUser(id, Role.CITIZEN, null, null), "压测买家").value()));
        }
        return buyers;
    }

    long unitsSold(long sku) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(quantity), 0) FROM order_line WHERE sku_id = ?", Long.class, sku);
    }

    int stock(long sku) {
        return jdbc.queryForObject("SELECT stock FROM sku WHERE id = ?", Integer.class, sku);
    }

    private long insert(String sql, Object... args) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}
