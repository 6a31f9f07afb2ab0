package cn.zhunong.mall.campaign;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Which orders, and which of their lines, count for a campaign. The rule, decided here and used by
 * the progress, the public page and the certificates alike:
 *
 * <p>An order is a candidate when it was paid within the campaign's period ({@code starts_at <=
 * paid_at < ends_at}) and at least one of these matches:
 * <ol>
 *   <li><b>code</b>: the order carries the campaign's code ({@code orders.campaign_code}, from a
 *       campaign link or a code entered at checkout);</li>
 *   <li><b>live session</b> (村村播 家家富 campaigns only): the order was placed in a live session
 *       ({@code orders.live_session_id}) of one of the campaign's pilot villages, see
 *       {@link #pilotVillages};</li>
 *   <li><b>product tag</b>: a line is of a product carrying the campaign's catalog campaign tag.</li>
 * </ol>
 * A line of a candidate order counts when its product is in the campaign's scope (the campaign
 * names no products, or names this one, or the product carries its tag) and the line is reached by
 * a rule (its order matched by code or live session, or the line's own product carries the tag).
 * The rule is a predicate on each line, evaluated once per line, so a line reached by several
 * rules counts once, and an order counts once however many rules and lines match.
 */
@Component
public class CampaignAttribution {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcTemplate jdbc;

    public CampaignAttribution(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One order line of a candidate order, with the rules that reach it. */
    public record CandidateLine(long orderId, long userId, Instant paidAt, long lineId, long productId, int quantity,
            long lineFen, long refundedFen, boolean refunded, boolean byCode, boolean byLiveSession, boolean tagged) {

        LocalDate paidDate() {
            return paidAt.atZone(CHINA).toLocalDate();
        }
    }

    /** The rule for one line (pure, see the class comment). */
    public static boolean counts(CandidateLine line, Set<Long> namedProducts) {
        boolean inScope = namedProducts.isEmpty() || namedProducts.contains(line.productId()) || line.tagged();
        boolean reached = line.byCode() || line.byLiveSession() || line.tagged();
        return inScope && reached;
    }

    /** The counting lines of every order attributed to the campaign, by payment time. */
    public List<CandidateLine> countedLines(Campaign campaign, Collection<Long> namedProducts) {
        List<Long> pilots = campaign.getType() == CampaignType.VILLAGE_LIVE ? pilotVillages(campaign) : List.of();
        List<Object> args = new ArrayList<>();
        StringBuilder candidates = new StringBuilder("SELECT id FROM orders WHERE campaign_code = ? AND paid_at >= ? AND paid_at < ?");
        args.add(campaign.getCode());
        period(args, campaign);
        if (!pilots.isEmpty()) {
            candidates.append(" UNION SELECT o.id FROM live_session s JOIN orders o ON o.live_session_id = s.id WHERE s.village_id IN (")
                    .append(placeholders(pilots.size())).append(") AND o.paid_at >= ? AND o.paid_at < ?");
            args.addAll(pilots);
            period(args, campaign);
        }
        if (campaign.getTagId() != null) {
            candidates.append(" UNION SELECT o.id FROM product_campaign_tag t JOIN order_line l ON l.product_id = t.product_id "
                    + "JOIN orders o ON o.id = l.order_id WHERE t.tag_id = ? AND o.paid_at >= ? AND o.paid_at < ?");
            args.add(campaign.getTagId());
            period(args, campaign);
        }
        List<Object> all = new ArrayList<>(flagArgs(campaign, pilots));
        all.addAll(args);
        String sql = select(pilots) + " FROM (" + candidates + ") c JOIN orders o ON o.id = c.id "
                + "JOIN order_line l ON l.order_id = o.id ORDER BY o.paid_at, o.id, l.id";
        return filter(jdbc.query(sql, ROW, all.toArray()), namedProducts);
    }

    /** The counting lines of one order (empty when it is not attributed to the campaign). */
    public List<CandidateLine> countedLines(Campaign campaign, Collection<Long> namedProducts, long orderId) {
        List<Long> pilots = campaign.getType() == CampaignType.VILLAGE_LIVE ? pilotVillages(campaign) : List.of();
        List<Object> all = new ArrayList<>(flagArgs(campaign, pilots));
        all.add(orderId);
        period(all, campaign);
        String sql = select(pilots) + " FROM orders o JOIN order_line l ON l.order_id = o.id "
                + "WHERE o.id = ? AND o.paid_at >= ? AND o.paid_at < ? ORDER BY l.id";
        return filter(jdbc.query(sql, ROW, all.toArray()), namedProducts);
    }

    /**
     * The pilot villages of a 村村播 家家富 campaign: the villages it lists, and the organiser's villages
     * whose PILOT_CUNCUNBO flag is in effect on some day of the campaign's period (Asia/Shanghai).
     */
    public List<Long> pilotVillages(Campaign campaign) {
        LocalDate first = campaign.getStartsAt().atZone(CHINA).toLocalDate();
        LocalDate last = campaign.getEndsAt().minusMillis(1).atZone(CHINA).toLocalDate();
        return jdbc.queryForList("SELECT village_id FROM campaign_village WHERE campaign_id = ? "
                + "UNION SELECT f.village_id FROM village_flag f JOIN village v ON v.id = f.village_id "
                + "WHERE v.agency_id = ? AND f.flag = 'PILOT_CUNCUNBO' AND f.effective_from <= ? "
                + "AND (f.effective_to IS NULL OR f.effective_to >= ?) ORDER BY 1", Long.class,
                campaign.getId(), campaign.getOrganiserAgencyId(), last, first);
    }

    private static String select(List<Long> pilots) {
        String byLive = pilots.isEmpty() ? "0" : "(o.live_session_id IS NOT NULL AND EXISTS (SELECT 1 FROM live_session s "
                + "WHERE s.id = o.live_session_id AND s.village_id IN (" + placeholders(pilots.size()) + ")))";
        return "SELECT o.id, o.user_id, o.paid_at, l.id, l.product_id, l.quantity, l.line_fen, l.refunded_fen, l.refund_status, "
                + "CASE WHEN o.campaign_code = ? THEN 1 ELSE 0 END, " + byLive + ", "
                + "EXISTS (SELECT 1 FROM product_campaign_tag t WHERE t.product_id = l.product_id AND t.tag_id = ?)";
    }

    private static List<Object> flagArgs(Campaign campaign, List<Long> pilots) {
        List<Object> args = new ArrayList<>();
        args.add(campaign.getCode());
        args.addAll(pilots);
        args.add(campaign.getTagId() == null ? -1L : campaign.getTagId());
        return args;
    }

    private static void period(List<Object> args, Campaign campaign) {
        args.add(Timestamp.from(campaign.getStartsAt()));
        args.add(Timestamp.from(campaign.getEndsAt()));
    }

    private static List<CandidateLine> filter(List<CandidateLine> lines, Collection<Long> namedProducts) {
        Set<Long> named = namedProducts.isEmpty() ? Collections.emptySet() : new HashSet<>(namedProducts);
        return lines.stream().filter(l -> counts(l, named)).toList();
    }

    private static String placeholders(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }

    private static final RowMapper<CandidateLine> ROW = (rs, i) -> new CandidateLine(rs.getLong(1), rs.getLong(2),
            rs.getTimestamp(3).toInstant(), rs.getLong(4), rs.getLong(5), rs.getInt(6), rs.getLong(7), rs.getLong(8),
            "REFUNDED".equals(rs.getString(9)), rs.getInt(10) == 1, rs.getInt(11) == 1, rs.getInt(12) == 1);
}
