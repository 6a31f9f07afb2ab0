package cn.zhunong.mall.campaign.certificate;

import static cn.zhunong.mall.campaign.certificate.Markup.escape;

import cn.zhunong.mall.infra.money.Yuan;
import java.time.format.DateTimeFormatter;

/**
 * The certificate as an SVG image, drawn as text on the server (no rasteriser: the server has no
 * CJK fonts, the viewer's fonts render it). Every text is escaped.
 */
final class CertificateSvg {

    /** households listed by name on the image; the rest are summed in one line */
    static final int LISTED = 8;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final int WIDTH = 800;
    private static final int ROW = 30;

    private CertificateSvg() {
    }

    static String render(Certificate c) {
        int listed = Math.min(LISTED, c.households().size());
        long restCount = c.households().size() - listed + c.otherHouseholds();
        long restFen = c.otherIncomeFen();
        for (int i = listed; i < c.households().size(); i++) {
            restFen += c.households().get(i).incomeFen();
        }
        int rows = listed + (restCount > 0 ? 1 : 0);
        int height = 420 + rows * ROW;
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height).append("\" font-family=\"")
                .append(escape(Markup.CJK_FONTS)).append("\">\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#fdf6e3\"/>\n")
                .append("<rect x=\"16\" y=\"16\" width=\"").append(WIDTH - 32).append("\" height=\"").append(height - 32)
                .append("\" fill=\"#ffffff\" stroke=\"#c0392b\" stroke-width=\"6\"/>\n");
        text(svg, WIDTH / 2, 90, 44, "#c0392b", "middle", "爱心证书");
        text(svg, WIDTH / 2, 125, 14, "#888888", "middle", "证书编号：" + c.number());
        text(svg, 60, 175, 18, "#333333", "start", "感谢您参与「" + c.campaignName() + "」");
        text(svg, 60, 205, 18, "#333333", "start", "（" + c.typeLabel() + " 消费帮扶）。您于" + DATE.format(c.purchaseDate())
                + "购买帮扶农产品 " + c.units() + " 件，");
        text(svg, 60, 235, 18, "#333333", "start", "实付货款 ¥" + Yuan.format(c.purchaseFen()) + "，带动 "
                + c.householdsCredited() + " 户农户增收 ¥" + Yuan.format(c.householdIncomeFen()) + "。");
        int y = 285;
        text(svg, 60, y, 16, "#555555", "start", "农户");
        text(svg, 300, y, 16, "#555555", "start", "所在村");
        text(svg, WIDTH - 60, y, 16, "#555555", "end", "增收（元）");
        for (int i = 0; i < listed; i++) {
            Certificate.Credit credit = c.households().get(i);
            y += ROW;
            text(svg, 60, y, 16, "#333333", "start", credit.publicAlias());
            text(svg, 300, y, 16, "#333333", "start", credit.villageName());
            text(svg, WIDTH - 60, y, 16, "#333333", "end", Yuan.format(credit.incomeFen()));
        }
        if (restCount > 0) {
            y += ROW;
            text(svg, 60, y, 16, "#333333", "start", "其他农户 " + restCount + " 户次");
            text(svg, WIDTH - 60, y, 16, "#333333", "end", Yuan.format(restFen));
        }
        text(svg, 60, height - 70, 13, "#888888", "start", "本证书记录的是您购买农产品的消费帮扶行为，农户增收以平台账本记账为准。");
        text(svg, 60, height - 48, 13, "#888888", "start", "主办：" + c.organiserName() + "　订单号：" + c.orderNo());
        return svg.append("</svg>\n").toString();
    }

    private static void text(StringBuilder svg, int x, int y, int size, String fill, String anchor, String content) {
        svg.append("<text x=\"").append(x).append("\" y=\"").append(y).append("\" font-size=\"").append(size)
                .append("\" fill=\"").append(fill).append("\" text-anchor=\"").append(anchor).append("\">")
                .append(escape(content)).append("</text>\n");
    }
}
