package cn.zhunong.mall.campaign.certificate;

import static cn.zhunong.mall.campaign.certificate.Markup.escape;

import cn.zhunong.mall.infra.money.Yuan;
import java.time.format.DateTimeFormatter;

/** The certificate as an HTML page (Simplified Chinese). It speaks of a purchase, never of a donation. */
final class CertificateHtml {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private CertificateHtml() {
    }

    static String render(Certificate c, String imageUrl) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"UTF-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>爱心证书 ").append(escape(c.number())).append("</title><style>")
                .append("body{font-family:").append(Markup.CJK_FONTS).append(";background:#fdf6e3;color:#333;margin:0;padding:24px}")
                .append(".card{max-width:720px;margin:0 auto;background:#fff;border:6px double #c0392b;padding:32px}")
                .append("h1{color:#c0392b;text-align:center;letter-spacing:8px}table{width:100%;border-collapse:collapse}")
                .append("td,th{border-bottom:1px solid #eee;padding:6px;text-align:left}.num{text-align:right}")
                .append(".meta{color:#888;font-size:13px}</style></head><body><div class=\"card\">")
                .append("<h1>爱心证书</h1>")
                .append("<p class=\"meta\">证书编号：").append(escape(c.number())).append("</p>")
                .append("<p>感谢您参与「").append(escape(c.campaignName())).append("」（").append(escape(c.typeLabel()))
                .append(" 消费帮扶）。您于").append(escape(DATE.format(c.purchaseDate()))).append("购买帮扶农产品 ")
                .append(c.units()).append(" 件，实付货款 ¥").append(Yuan.format(c.purchaseFen()))
                .append("，带动 ").append(c.householdsCredited()).append(" 户农户增收 ¥")
                .append(Yuan.format(c.householdIncomeFen())).append("。</p>")
                .append("<p>").append(escape(c.approvedWording())).append("</p>");
        html.append("<table><thead><tr><th>农户</th><th>所在村</th><th>商品</th><th class=\"num\">增收（元）</th></tr></thead><tbody>");
        for (Certificate.Credit credit : c.households()) {
            html.append("<tr><td>").append(escape(credit.publicAlias())).append("</td><td>").append(escape(credit.villageName()))
                    .append("</td><td>").append(escape(credit.productName())).append("</td><td class=\"num\">")
                    .append(Yuan.format(credit.incomeFen())).append("</td></tr>");
        }
        if (c.otherHouseholds() > 0) {
            html.append("<tr><td colspan=\"3\">其他农户（未公开信息）").append(c.otherHouseholds()).append(" 户次</td><td class=\"num\">")
                    .append(Yuan.format(c.otherIncomeFen())).append("</td></tr>");
        }
        html.append("</tbody></table>")
                .append("<p class=\"meta\">本证书记录的是您购买农产品的消费帮扶行为，农户增收金额以平台账本记账为准。主办：")
                .append(escape(c.organiserName())).append("。订单号：").append(escape(c.orderNo())).append("</p>")
                .append("<p><a href=\"").append(escape(imageUrl)).append("\" download>下载证书图片（SVG）</a></p>")
                .append("</div></body></html>\n");
        return html.toString();
    }
}
