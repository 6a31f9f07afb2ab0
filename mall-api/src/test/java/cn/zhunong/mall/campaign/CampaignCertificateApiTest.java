package cn.zhunong.mall.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhunong.mall.support.Api;
import cn.zhunong.mall.support.ApiTest;
import cn.zhunong.mall.support.OrderTestData;
import cn.zhunong.mall.support.TestAlipay;
import cn.zhunong.mall.support.TestData;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;

/** 以购代捐 爱心证书: only for the buyer, a purchase (never a donation), households by consent, escaped HTML and SVG. */
class CampaignCertificateApiTest extends ApiTest {

    @Autowired
    OrderTestData shop;

    @Autowired
    JdbcTemplate jdbc;

    private CampaignFixtures fx;
    private OrderTestData.Shop s;

    @BeforeEach
    void setUp() {
        TestAlipay.get().relay().forwardTo(port);
        fx = new CampaignFixtures(jdbc, data, shop, port);
        s = shop.shop();
    }

    @Test
    void theBuyerGetsAStableCertificateListingTheConsentingHouseholdsItsPurchaseCredited() throws Exception {
        long shown = consenting("张<i>**");
        long hidden = shop.household(s.villageId());
        long refundedHousehold = consenting("李**");
        long honeyProduct = shop.product(s, "土蜂蜜", false, null);
        long honey = shop.sku(honeyProduct, 1_500, 50, 99, 500, shown);
        long riceProduct = shop.product(s, "高山大米", false, null);
        long rice = shop.sku(riceProduct, 800, 50, 99, 500, hidden);
        long teaProduct = shop.product(s, "野生红茶", false, null);
        long tea = shop.sku(teaProduct, 600, 50, 99, 500, refundedHousehold);
        String tag = fx.tag(riceProduct);

        String code = "YGDJ-" + TestData.next();
        Map<String, Object> body = fx.campaign(code, "CONSUMPTION_ASSISTANCE", List.of(s.villageId()), List.of());
        body.put("name", "以购代捐 <年货> & 节");
        assertThat(api().post("/api/v1/agency/campaigns", s.staff().token(), body).status()).isEqualTo(201);
        String byTag = "YGDJ-T-" + TestData.next();
        Map<String, Object> tagged = fx.campaign(byTag, "CONSUMPTION_ASSISTANCE", List.of(), List.of());
        tagged.put("productTagCode", tag);
        assertThat(api().post("/api/v1/agency/campaigns", s.staff().token(), tagged).status()).isEqualTo(201);

        TestData.Login buyer = data.citizen();
        long order = fx.paid(api(), buyer, code, null, Map.of(honey, 2, rice, 1, tea, 1));
        fx.refundLine(api(), buyer, s.staff(), order, tea); // partial refund: the tea line and its credit go

        JsonNode list = api().get("/api/v1/orders/" + order + "/certificates", buyer.token()).json();
        assertThat(list).hasSize(2);
        JsonNode mine = list.get(0).path("campaignCode").asString().equals(code) ? list.get(0) : list.get(1);
        String number = mine.path("number").asString();
        assertThat(number).startsWith("AX").endsWith(shop.orderNo(order));

        Api.Response html = api().get(mine.path("htmlUrl").asString(), buyer.token());
        assertThat(html.status()).as(html.body()).isEqualTo(200);
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(html.body()).contains("爱心证书", number, "以购代捐", "&lt;年货&gt; &amp; 节", "张&lt;i&gt;**", "30.00",
                "38.00", "其他农户", "8.00", "2 户").doesNotContain("<年货>", "张<i>", "李**", headName(hidden), headName(shown), "4401");
        assertNeverADonation(html.body());

        Api.Response image = api().get(mine.path("imageUrl").asString(), buyer.token());
        assertThat(image.status()).isEqualTo(200);
        assertThat(image.contentType()).startsWith("image/svg+xml");
        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(image.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(svg.getDocumentElement().getLocalName() == null ? svg.getDocumentElement().getTagName()
                : svg.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(svg.getDocumentElement().getAttribute("font-family")).contains("Noto Sans CJK SC", "Microsoft YaHei");
        assertThat(svg.getDocumentElement().getTextContent()).contains(number, "<年货> & 节", "张<i>**", "38.00");
        assertNeverADonation(image.body());

        // stable: the same number every time
        assertThat(api().get("/api/v1/orders/" + order + "/certificates", buyer.token()).json().toString()).contains(number);
        assertThat(api().get(mine.path("htmlUrl").asString(), buyer.token()).body()).contains(number);

        // the tag campaign's certificate covers only the tagged rice line (its household did not consent)
        JsonNode other = list.get(0) == mine ? list.get(1) : list.get(0);
        String tagHtml = api().get(other.path("htmlUrl").asString(), buyer.token()).body();
        assertThat(tagHtml).contains("8.00", "其他农户").doesNotContain("30.00", "张&lt;i&gt;**");

        // nobody else sees it, not even the selling agency's staff
        for (TestData.Login someone : List.of(data.citizen(), s.staff(), data.admin())) {
            assertThat(api().get(mine.path("htmlUrl").asString(), someone.token()).code()).isEqualTo("CERTIFICATE_NOT_FOUND");
            assertThat(api().get(mine.path("imageUrl").asString(), someone.token()).status()).isEqualTo(404);
        }
        assertThat(api().get("/api/v1/orders/" + order + "/certificates", data.citizen().token()).code()).isEqualTo("ORDER_NOT_FOUND");
        assertThat(api().get(mine.path("htmlUrl").asString(), null).status()).isEqualTo(401);
        assertThat(api().get("/api/v1/orders/" + order + "/certificates/bad!code", buyer.token()).code())
                .isEqualTo("INVALID_CAMPAIGN_CODE");
        assertThat(api().get("/api/v1/orders/" + order + "/certificates/NONE-" + TestData.next(), buyer.token()).code())
                .isEqualTo("CERTIFICATE_NOT_FOUND");
        assertThat(api().get("/api/v1/orders/abc/certificates/" + code, buyer.token()).status()).isEqualTo(400);
    }

    @Test
    void noCertificateForAnotherKindOfCampaignAnUnattributedOrderOrAPurchaseRefundedInFull() {
        long household = consenting("王**");
        long sku = shop.sku(shop.product(s, "核桃", false, null), 1_000, 50, 99, 500, household);
        String live = "LIVE-" + TestData.next();
        assertThat(api().post("/api/v1/agency/campaigns", s.staff().token(),
                fx.campaign(live, "VILLAGE_LIVE", List.of(), List.of())).status()).isEqualTo(201);
        String code = "YGDJ-" + TestData.next();
        assertThat(api().post("/api/v1/agency/campaigns", s.staff().token(),
                fx.campaign(code, "CONSUMPTION_ASSISTANCE", List.of(), List.of())).status()).isEqualTo(201);

        TestData.Login buyer = data.citizen();
        long liveOrder = fx.paid(api(), buyer, live, null, Map.of(sku, 1));
        assertThat(api().get("/api/v1/orders/" + liveOrder + "/certificates", buyer.token()).json()).isEmpty();
        assertThat(api().get("/api/v1/orders/" + liveOrder + "/certificates/" + live, buyer.token()).code())
                .isEqualTo("CERTIFICATE_NOT_FOUND");
        long plain = fx.paid(api(), buyer, null, null, Map.of(sku, 1));
        assertThat(api().get("/api/v1/orders/" + plain + "/certificates/" + code, buyer.token()).code())
                .isEqualTo("CERTIFICATE_NOT_FOUND");
        long unpaid = fx.order(buyer, code, null, Map.of(sku, 1));
        assertThat(api().get("/api/v1/orders/" + unpaid + "/certificates/" + code, buyer.token()).code())
                .isEqualTo("CERTIFICATE_NOT_FOUND");
        assertThat(api().get("/api/v1/orders/" + unpaid + "/certificates", buyer.token()).json()).isEmpty();

        long refunded = fx.paid(api(), buyer, code, null, Map.of(sku, 2));
        assertThat(api().get("/api/v1/orders/" + refunded + "/certificates/" + code, buyer.token()).status()).isEqualTo(200);
        fx.refundLine(api(), buyer, s.staff(), refunded, sku);
        assertThat(api().get("/api/v1/orders/" + refunded + "/certificates/" + code, buyer.token()).code())
                .isEqualTo("CERTIFICATE_NOT_FOUND");
        assertThat(api().get("/api/v1/orders/" + refunded + "/certificates", buyer.token()).json()).isEmpty();
    }

    private String headName(long household) {
        return jdbc.queryForObject("SELECT head_name FROM household WHERE id = ?", String.class, household);
    }

    private long consenting(String alias) {
        long household = shop.household(s.villageId());
        jdbc.update("UPDATE household SET consent_public = 1, public_alias = ? WHERE id = ?", alias, household);
        return household;
    }

    /** 以购代捐 is the programme's name; no other 捐 and no word for giving may appear. */
    private static void assertNeverADonation(String text) {
        String rest = text.replace("以购代捐", "");
        assertThat(rest).doesNotContain("捐", "善款", "慈善").doesNotContainIgnoringCase("donat").doesNotContainIgnoringCase("charit");
    }
}
