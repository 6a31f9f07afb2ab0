package cn.zhunong.mall.catalog.storefront;

import cn.zhunong.mall.catalog.image.ImageResponse;
import cn.zhunong.mall.catalog.search.SearchTokens;
import cn.zhunong.mall.infra.web.PageResult;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The storefront's hand-written queries: the filtered, sorted product search and the households a product helps. */
@Repository
public class StorefrontRepository {

    private static final RowMapper<ProductCard> CARD = (rs, n) -> {
        String cover = rs.getString("cover_key");
        Timestamp onSaleAt = rs.getTimestamp("on_sale_at");
        long minPrice = rs.getLong("min_price_fen");
        return new ProductCard(rs.getLong("id"), rs.getString("name"), rs.getString("subtitle"),
                rs.wasNull() ? null : minPrice, rs.getLong("sales_units"), rs.getBoolean("perishable"),
                cover == null ? null : ImageResponse.urlOf(cover), rs.getLong("village_id"), rs.getString("village_name"),
                rs.getString("county_name"), onSaleAt == null ? null : onSaleAt.toInstant());
    };

    private final NamedParameterJdbcTemplate jdbc;

    public StorefrontRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * On-sale products matching the query. Products claiming an expired certification are left out
     * even before the expiry job has taken them off sale.
     */
    public PageResult<ProductCard> search(StorefrontQuery query, LocalDate today, long page, long size) {
        MapSqlParameterSource params = new MapSqlParameterSource("today", today);
        StringBuilder from = new StringBuilder(" FROM product p JOIN village v ON v.id = p.village_id");
        StringBuilder where = new StringBuilder(" WHERE p.status = 'ON_SALE' AND NOT EXISTS "
                + "(SELECT 1 FROM product_certification c WHERE c.product_id = p.id AND c.valid_to < :today)");
        Optional<String> fullText = query.q() == null ? Optional.empty() : SearchTokens.booleanQuery(query.q());
        if (fullText.isPresent()) {
            from.append(" JOIN product_search s ON s.product_id = p.id");
            where.append(" AND MATCH (s.tokens) AGAINST (:q IN BOOLEAN MODE)");
            params.addValue("q", fullText.get());
        }
        if (query.villageId() != null) {
            where.append(" AND p.village_id = :villageId");
            params.addValue("villageId", query.villageId());
        }
        if (query.countyCode() != null) {
            where.append(" AND v.county_code = :countyCode");
            params.addValue("countyCode", query.countyCode());
        }
        if (query.categoryId() != null) {
            // a top-level category includes its sub-categories (there are only two levels)
            where.append(" AND (p.category_id = :categoryId OR p.category_id IN "
                    + "(SELECT sub.id FROM product_category sub WHERE sub.parent_id = :categoryId))");
            params.addValue("categoryId", query.categoryId());
        }
        if (query.campaign() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM product_campaign_tag pt JOIN campaign_tag t ON t.id = pt.tag_id "
                    + "WHERE pt.product_id = p.id AND t.code = :campaign)");
            params.addValue("campaign", query.campaign());
        }
        if (query.minPriceFen() != null) {
            where.append(" AND p.min_price_fen >= :minPrice");
            params.addValue("minPrice", query.minPriceFen());
        }
        if (query.maxPriceFen() != null) {
            where.append(" AND p.min_price_fen <= :maxPrice");
            params.addValue("maxPrice", query.maxPriceFen());
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*)" + from + where, params, Long.class);
        if (total == null || total == 0 || (page - 1) * size >= total) {
            return new PageResult<>(List.of(), page, size, total == null ? 0 : total);
        }
        params.addValue("limit", size).addValue("offset", (page - 1) * size);
        String select = """
                SELECT p.id, p.name, p.subtitle, p.min_price_fen, p.sales_units, p.perishable, p.on_sale_at,
                       p.village_id, v.name AS village_name, v.county_name,
                       (SELECT i.storage_key FROM product_image i WHERE i.product_id = p.id
                        ORDER BY i.sort_order, i.id LIMIT 1) AS cover_key
                """;
        List<ProductCard> items = jdbc.query(select + from + where + orderBy(query.sort(), fullText.isPresent())
                + " LIMIT :limit OFFSET :offset", params, CARD);
        return new PageResult<>(items, page, size, total);
    }

    /** Consent and alias of each distinct household behind the product's active SKUs (lots and whole-SKU households). */
    public List<HouseholdPublicRow> householdsHelping(long productId) {
        return jdbc.query("""
                SELECT h.consent_public, h.public_alias FROM household h
                WHERE h.id IN (SELECT l.household_id FROM source_lot l JOIN sku s ON s.id = l.sku_id
                               WHERE s.product_id = :id AND s.status = 'ACTIVE'
                               UNION
                               SELECT s.household_id FROM sku s
                               WHERE s.product_id = :id AND s.status = 'ACTIVE' AND s.household_id IS NOT NULL)
                ORDER BY h.id""", new MapSqlParameterSource("id", productId),
                (rs, n) -> new HouseholdPublicRow(rs.getBoolean("consent_public"), rs.getString("public_alias")));
    }

    private static String orderBy(String sort, boolean fullText) {
        if (sort == null) {
            return fullText ? " ORDER BY MATCH (s.tokens) AGAINST (:q IN BOOLEAN MODE) DESC, p.sales_units DESC, p.id DESC"
                    : " ORDER BY p.sales_units DESC, p.id DESC";
        }
        return switch (sort) {
            case "price_asc" -> " ORDER BY p.min_price_fen ASC, p.id ASC";
            case "price_desc" -> " ORDER BY p.min_price_fen DESC, p.id DESC";
            case "newest" -> " ORDER BY p.on_sale_at DESC, p.id DESC";
            default -> " ORDER BY p.sales_units DESC, p.id DESC";
        };
    }

    /** Only these two columns are ever read: the head's name and personal data stay out of the storefront. */
    public record HouseholdPublicRow(boolean consentPublic, String publicAlias) {
    }
}
