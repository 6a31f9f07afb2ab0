package cn.zhunong.mall.campaign.certificate;

import cn.zhunong.mall.campaign.Campaign;
import cn.zhunong.mall.campaign.CampaignAttribution;
import cn.zhunong.mall.campaign.CampaignAttribution.CandidateLine;
import cn.zhunong.mall.campaign.CampaignMapper;
import cn.zhunong.mall.campaign.CampaignStatus;
import cn.zhunong.mall.campaign.CampaignType;
import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.web.ApiException;
import cn.zhunong.mall.ledger.report.ImpactService;
import cn.zhunong.mall.ledger.report.OrderImpact;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * 以购代捐 certificates: one per paid order and active CONSUMPTION_ASSISTANCE campaign the order is
 * attributed to (by code or product tag, see {@link CampaignAttribution}), with lines left after
 * refunds. Only the buyer sees them; to anyone else they do not exist (404).
 */
@Service
public class CertificateService {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private final JdbcTemplate jdbc;
    private final CampaignMapper campaigns;
    private final CampaignAttribution attribution;
    private final ImpactService impact;

    public CertificateService(JdbcTemplate jdbc, CampaignMapper campaigns, CampaignAttribution attribution, ImpactService impact) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.attribution = attribution;
        this.impact = impact;
    }

    private record BuyerOrder(long id, String orderNo, Instant paidAt, String campaignCode) {
    }

    /** The certificates of the caller's order (empty when it has none). */
    public List<CertificateSummary> list(CurrentUser user, long orderId) {
        BuyerOrder order = buyerOrder(user, orderId, ApiException.notFound("ORDER_NOT_FOUND", "订单不存在"));
        if (order.paidAt() == null) {
            return List.of();
        }
        // candidates: 以购代捐 campaigns in period whose code the order carries or whose tag one of its products has
        List<Long> ids = jdbc.queryForList("SELECT c.id FROM campaign c WHERE c.type = 'CONSUMPTION_ASSISTANCE' AND c.status = 'ACTIVE' "
                + "AND c.starts_at <= ? AND c.ends_at > ? AND (c.code = ? OR c.tag_id IN (SELECT t.tag_id FROM product_campaign_tag t "
                + "JOIN order_line l ON l.product_id = t.product_id WHERE l.order_id = ?)) ORDER BY c.id", Long.class,
                Timestamp.from(order.paidAt()), Timestamp.from(order.paidAt()), order.campaignCode(), orderId);
        List<CertificateSummary> result = new ArrayList<>();
        for (long id : ids) {
            Campaign campaign = campaigns.selectById(id);
            if (netFen(attribution.countedLines(campaign, campaigns.productIds(id), orderId)) > 0) {
                String base = "/api/v1/orders/" + orderId + "/certificates/" + campaign.getCode();
                result.add(new CertificateSummary(number(campaign, order), campaign.getCode(), campaign.getName(), base,
                        base + "/image"));
            }
        }
        return result;
    }

    public Certificate certificate(CurrentUser user, long orderId, String campaignCode) {
        ApiException notFound = ApiException.notFound("CERTIFICATE_NOT_FOUND", "证书不存在");
        if (campaignCode == null || !CODE.matcher(campaignCode).matches()) {
            throw ApiException.badRequest("INVALID_CAMPAIGN_CODE", "活动编码须为 1–32 位字母、数字、下划线或连字符");
        }
        BuyerOrder order = buyerOrder(user, orderId, notFound);
        Campaign campaign = campaigns.findByCode(campaignCode);
        if (order.paidAt() == null || campaign == null || campaign.getStatus() != CampaignStatus.ACTIVE
                || campaign.getType() != CampaignType.CONSUMPTION_ASSISTANCE) {
            throw notFound;
        }
        List<CandidateLine> lines = attribution.countedLines(campaign, campaigns.productIds(campaign.getId()), orderId);
        long purchaseFen = netFen(lines);
        if (purchaseFen <= 0) {
            throw notFound; // not attributed, or refunded in full: there is no purchase left to certify
        }
        if (jdbc.queryForList("SELECT 1 FROM ledger_order WHERE order_id = ?", Integer.class, orderId).isEmpty()) {
            throw new ApiException(HttpStatus.CONFLICT, "CERTIFICATE_NOT_READY", "订单正在入账，请稍后再查看证书");
        }
        // refunded lines took their credits back: they name no household on the certificate
        Set<Long> lineIds = lines.stream().filter(l -> l.lineFen() - l.refundedFen() > 0).map(CandidateLine::lineId)
                .collect(Collectors.toSet());
        OrderImpact orderImpact = impact.orderImpact(user, orderId);
        List<Certificate.Credit> credits = new ArrayList<>();
        long others = 0;
        long otherFen = 0;
        long income = 0;
        for (OrderImpact.LineImpact line : orderImpact.lines()) {
            if (!lineIds.contains(line.orderLineId())) {
                continue;
            }
            for (OrderImpact.Credit credit : line.households()) {
                if (credit.incomeFen() > 0) {
                    credits.add(new Certificate.Credit(credit.publicAlias(), credit.villageName(), line.productName(),
                            credit.incomeFen()));
                    income += credit.incomeFen();
                }
            }
            others += line.otherHouseholds();
            otherFen += line.otherIncomeFen();
            income += line.otherIncomeFen();
        }
        long households = jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT household_id FROM ledger_allocation WHERE order_line_id IN ("
                + String.join(",", Collections.nCopies(lineIds.size(), "?")) + ") GROUP BY household_id "
                + "HAVING SUM(income_fen - reversed_fen) > 0) h", Long.class, lineIds.toArray());
        long units = lines.stream().filter(l -> !l.refunded()).mapToLong(CandidateLine::quantity).sum();
        return new Certificate(number(campaign, order), orderId, order.orderNo(), campaign.getCode(), campaign.getName(),
                campaign.getType().label(), campaigns.agencyName(campaign.getOrganiserAgencyId()), campaign.getApprovedWording(),
                order.paidAt().atZone(CHINA).toLocalDate(), purchaseFen, units, income, households, credits, others, otherFen);
    }

    /** Stable: the same order and campaign always give the same number. */
    static String number(Campaign campaign, BuyerOrder order) {
        return "AX" + String.format("%06d", campaign.getId()) + "-" + order.orderNo();
    }

    private BuyerOrder buyerOrder(CurrentUser user, long orderId, ApiException notFound) {
        return jdbc.query("SELECT id, order_no, paid_at, campaign_code FROM orders WHERE id = ? AND user_id = ?",
                (rs, i) -> new BuyerOrder(rs.getLong(1), rs.getString(2),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(), rs.getString(4)),
                orderId, user.id()).stream().findFirst().orElseThrow(() -> notFound);
    }

    private static long netFen(List<CandidateLine> lines) {
        return lines.stream().mapToLong(l -> l.lineFen() - l.refundedFen()).sum();
    }
}
