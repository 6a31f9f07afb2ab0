package cn.zhunong.mall.campaign.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhunong.mall.infra.money.Yuan;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** Rendering without Spring: every text escaped, a CJK font stack, many households summed, money to the fen. */
class CertificateRenderTest {

    private static Certificate certificate(int households) {
        List<Certificate.Credit> credits = new ArrayList<>();
        for (int i = 0; i < households; i++) {
            credits.add(new Certificate.Credit("张" + i + "**\"'<&>", "龙岗村</text><script>", "蜂蜜", 105));
        }
        return new Certificate("AX000001-ZN1", 1, "ZN1", "C1", "以购代捐 <年货> & \"节\"", "以购代捐", "社工站 & 合作社",
                "买一份山货<b>", LocalDate.of(2026, 11, 23), 12_345, 3, 105L * households + 7, households + 1, credits, 1, 7);
    }

    @Test
    void theSvgIsWellFormedWithEveryTextEscaped() throws Exception {
        String svg = CertificateSvg.render(certificate(12));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(doc.getElementsByTagName("script").getLength()).isZero();
        assertThat(doc.getDocumentElement().getAttribute("font-family")).contains("Noto Sans CJK SC", "sans-serif");
        String text = doc.getDocumentElement().getTextContent();
        assertThat(text).contains("以购代捐 <年货> & \"节\"", "龙岗村</text><script>", "123.45", "1.05");
        // 8 listed by alias, the other 4 plus the 1 anonymous summed: 4 x 1.05 + 0.07
        assertThat(text).contains("其他农户 5 户次", "4.27");
        assertThat(text.split("\\*\\*", -1).length - 1).isEqualTo(CertificateSvg.LISTED);
    }

    @Test
    void theHtmlEscapesEveryText() {
        String html = CertificateHtml.render(certificate(2), "/x?a=1&b=<2>");
        assertThat(html).contains("以购代捐 &lt;年货&gt; &amp; &quot;节&quot;", "龙岗村&lt;/text&gt;&lt;script&gt;",
                "社工站 &amp; 合作社", "买一份山货&lt;b&gt;", "/x?a=1&amp;b=&lt;2&gt;", "<html lang=\"zh-CN\">")
                .doesNotContain("<script>", "<b>");
        assertThat(Yuan.format(5)).isEqualTo("0.05");
        assertThat(Yuan.format(123_400)).isEqualTo("1234.00");
    }
}
