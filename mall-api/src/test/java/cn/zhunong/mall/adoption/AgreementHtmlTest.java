package cn.zhunong.mall.adoption;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The agreement text without Spring: every value escaped, amounts and yields computed to the fen and gram. */
class AgreementHtmlTest {

    @Test
    void rendersTheTermsAndEscapesEveryValue() {
        AdoptionOffer offer = new AdoptionOffer();
        offer.setKind(OfferKind.ANIMAL);
        offer.setTitle("认养一头<script>alert(1)</script>黑猪");
        offer.setSubject("龙岗村 & 3 号圈");
        offer.setHarvestDate(LocalDate.of(2027, 1, 20));
        offer.setExpectedYieldMilli(62_500L);
        offer.setYieldUnit(YieldUnit.JIN);
        offer.setDelivery("春节前 \"冷链\" 到家");
        offer.setPriceFen(199_999L);

        String html = AgreementHtml.render(new AgreementHtml.Terms("RG20261123000000000001", "李<b>四</b>", "139****5678",
                "龙岗村社工站", "龙岗村 张**", "龙岗村", offer, 3, Instant.parse("2026-11-23T17:00:00Z")));

        assertThat(html).doesNotContain("<script>", "<b>");
        assertThat(html).contains("&lt;script&gt;", "龙岗村 &amp; 3 号圈", "&quot;冷链&quot;", "李&lt;b&gt;四&lt;/b&gt;");
        assertThat(html).contains("RG20261123000000000001", "畜禽", "认购份数：3 份", "每份 1999.99 元，共计 5999.97 元",
                "2027年1月20日", "每份 62.5 斤，合计 187.5 斤", "龙岗村社工站", "龙岗村 张**", "绝收");
        // signed on the Shanghai calendar day (17:00 UTC is the next morning there)
        assertThat(html).contains("签订日期：2026年11月24日");
    }
}
