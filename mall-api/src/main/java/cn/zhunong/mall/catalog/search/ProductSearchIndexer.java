package cn.zhunong.mall.catalog.search;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code product_search} in step with what a product is found by: its name and subtitle, its
 * village, township and county, its category (and parent category) and its campaign tags. Called in
 * the transaction of every change to any of those.
 */
@Component
public class ProductSearchIndexer {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ProductSearchIndexer(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void reindex(Collection<Long> productIds) {
        productIds.stream().distinct().forEach(this::reindex);
    }

    public void reindex(long productId) {
        List<String> texts = new ArrayList<>();
        jdbc.query("""
                SELECT p.name, p.subtitle, v.name AS village, v.township_name, v.county_name,
                       c.name AS category, pc.name AS parent_category
                FROM product p JOIN village v ON v.id = p.village_id
                LEFT JOIN product_category c ON c.id = p.category_id
                LEFT JOIN product_category pc ON pc.id = c.parent_id
                WHERE p.id = ?""", rs -> {
            for (int i = 1; i <= 7; i++) {
                texts.add(rs.getString(i));
            }
        }, productId);
        if (texts.isEmpty()) {
            return;
        }
        texts.addAll(jdbc.queryForList("""
                SELECT t.name FROM product_campaign_tag pt JOIN campaign_tag t ON t.id = pt.tag_id
                WHERE pt.product_id = ?""", String.class, productId));
        String tokens = SearchTokens.index(texts);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("INSERT INTO product_search (product_id, tokens, updated_at) VALUES (?, ?, ?) "
                + "ON DUPLICATE KEY UPDATE tokens = ?, updated_at = ?", productId, tokens, now, tokens, now);
    }
}
