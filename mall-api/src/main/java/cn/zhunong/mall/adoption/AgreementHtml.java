package cn.zhunong.mall.adoption;

import cn.zhunong.mall.infra.money.Yuan;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders the 认购协议 as a self-contained HTML page in Simplified Chinese. Every value is escaped;
 * the result is stored with the adoption, so later edits of the offer never change a signed text.
 */
final class AgreementHtml {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    /** The parties and terms, as they stand at the moment of adoption. */
    record Terms(String agreementNo, String adopterName, String adopterPhoneMasked, String agencyName, String householdName,
            String villageName, AdoptionOffer offer, int items, Instant signedAt) {
    }

    private AgreementHtml() {
    }

    static String render(Terms t) {
        AdoptionOffer o = t.offer();
        long totalFen = Math.multiplyExact(o.getPriceFen(), (long) t.items());
        BigDecimal perItem = Milli.toDecimal(o.getExpectedYieldMilli());
        BigDecimal total = Milli.toDecimal(Math.multiplyExact(o.getExpectedYieldMilli(), (long) t.items()));
        String unit = o.getYieldUnit().label();
        StringBuilder h = new StringBuilder(4096);
        h.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>爱心认购协议 ")
                .append(e(t.agreementNo())).append("</title></head><body>");
        h.append("<h1>爱心认购协议</h1>");
        h.append("<p>协议编号：<strong>").append(e(t.agreementNo())).append("</strong></p>");
        h.append("<p>签订日期：").append(DATE.format(t.signedAt().atZone(SHANGHAI))).append("</p>");
        h.append("<h2>一、协议双方</h2><ul>");
        h.append("<li>认购方（甲方）：").append(e(t.adopterName())).append("（联系电话 ").append(e(t.adopterPhoneMasked()))
                .append("）</li>");
        h.append("<li>服务机构（乙方）：").append(e(t.agencyName())).append("，代表生产农户 ").append(e(t.householdName()))
                .append("（").append(e(t.villageName())).append("）履行本协议</li></ul>");
        h.append("<h2>二、认购标的</h2><ul>");
        h.append("<li>类别：").append(o.getKind().label()).append("</li>");
        h.append("<li>项目：").append(e(o.getTitle())).append("</li>");
        h.append("<li>标的说明：").append(e(o.getSubject())).append("</li>");
        h.append("<li>认购份数：").append(t.items()).append(" 份</li></ul>");
        h.append("<h2>三、价款</h2><p>每份 ").append(Yuan.format(o.getPriceFen())).append(" 元，共计 ").append(Yuan.format(totalFen))
                .append(" 元，由甲方在下单时通过平台一次付清。本协议是购买农产品的合同，不是捐赠。</p>");
        h.append("<h2>四、收获与交付</h2><ul>");
        h.append("<li>预计收获日期：").append(DATE.format(o.getHarvestDate())).append("</li>");
        h.append("<li>预计产量：每份 ").append(perItem.toPlainString()).append(" ").append(unit).append("，合计 ")
                .append(total.toPlainString()).append(" ").append(unit).append("（农产品产量受自然条件影响，以实际收获为准）</li>");
        h.append("<li>交付方式：").append(e(o.getDelivery())).append("</li>");
        h.append("<li>乙方在收获交付后于平台登记交付数量、日期和凭证；登记即视为甲方已收货，售后期自登记之日起计算。</li></ul>");
        h.append("<h2>五、绝收或减产的处理</h2><p>如因自然灾害、疫病等不可抗力导致绝收或减产，乙方应在预计收获日期后 30 日内"
                + "如实登记实际交付数量并通知甲方，由乙方与甲方协商处理：按未交付的比例通过平台原路退还相应价款，"
                + "或经甲方同意以等值的同类农产品替代。交付前甲方亦可通过平台申请退款，由乙方审核。</p>");
        h.append("<h2>六、农户收益</h2><p>本协议价款计入上述农户的收益，在收获交付并经过售后期后方可结算到户。</p>");
        h.append("<p>本协议由平台在甲方下单时生成并留存，内容以生成时为准，不随认购项目此后的修改而变化。</p>");
        h.append("</body></html>");
        return h.toString();
    }

    private static String e(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
