package cn.zhunong.mall.catalog.category;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhunong.mall.catalog.CatalogFixtures;
import cn.zhunong.mall.support.Api;
import cn.zhunong.mall.support.ApiTest;
import cn.zhunong.mall.support.TestData;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Categories and campaign tags: admin-managed, public to read. */
class CategoryAndTagApiTest extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    private static Map<String, Object> category(Long parentId, String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("parentId", parentId);
        body.put("name", name);
        body.put("sortOrder", 1);
        return body;
    }

    @Test
    void adminsKeepATwoLevelCategoryTreeThatEveryoneCanRead() {
        String admin = data.admin().token();
        String top = "水果" + TestData.next();
        Api.Response created = api().post("/api/v1/admin/categories", admin, category(null, top));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long topId = created.json().path("id").asLong();
        long childId = api().post("/api/v1/admin/categories", admin, category(topId, "热带水果")).json().path("id").asLong();

        Api.Response tooDeep = api().post("/api/v1/admin/categories", admin, category(childId, "百香果类"));
        assertThat(tooDeep.status()).isEqualTo(400);
        assertThat(tooDeep.code()).isEqualTo("CATEGORY_TOO_DEEP");
        assertThat(api().put("/api/v1/admin/categories/" + topId, admin, category(topId, top)).code())
                .isEqualTo("CATEGORY_TOO_DEEP");
        Api.Response sameTop = api().post("/api/v1/admin/categories", admin, category(null, top));
        assertThat(sameTop.status()).isEqualTo(409);
        assertThat(sameTop.code()).isEqualTo("CATEGORY_NAME_EXISTS");
        assertThat(api().post("/api/v1/admin/categories", admin, category(topId, "热带水果")).code())
                .isEqualTo("CATEGORY_NAME_EXISTS");
        assertThat(api().post("/api/v1/admin/categories", admin, category(999_999_999L, "x")).code())
                .isEqualTo("UNKNOWN_CATEGORY");
        assertThat(api().post("/api/v1/admin/categories", admin, category(null, "")).code()).isEqualTo("VALIDATION_FAILED");

        Api.Response tree = api().get("/api/v1/categories", null);
        assertThat(tree.status()).isEqualTo(200);
        JsonNode node = tree.json().valueStream().filter(n -> n.path("id").asLong() == topId).findFirst().orElseThrow();
        assertThat(node.path("children").get(0).path("name").asString()).isEqualTo("热带水果");

        // renaming shows at once; a category in use or with children stays
        assertThat(api().put("/api/v1/admin/categories/" + childId, admin, category(topId, "南方水果")).status())
                .isEqualTo(200);
        assertThat(api().get("/api/v1/categories", null).body()).contains("南方水果").doesNotContain("热带水果\"");
        assertThat(api().delete("/api/v1/admin/categories/" + topId, admin).code()).isEqualTo("CATEGORY_IN_USE");
        long agency = data.agency("机构" + TestData.next());
        long village = new CatalogFixtures(jdbc, api()).village(agency, "分类村" + TestData.next());
        Map<String, Object> product = CatalogFixtures.product(village, "芒果");
        product.put("categoryId", childId);
        new CatalogFixtures(jdbc, api()).createProduct(data.staff(agency).token(), product);
        assertThat(api().delete("/api/v1/admin/categories/" + childId, admin).code()).isEqualTo("CATEGORY_IN_USE");

        long spare = api().post("/api/v1/admin/categories", admin, category(null, "空分类" + TestData.next()))
                .json().path("id").asLong();
        assertThat(api().delete("/api/v1/admin/categories/" + spare, admin).status()).isEqualTo(204);
        assertThat(api().delete("/api/v1/admin/categories/" + spare, admin).code()).isEqualTo("CATEGORY_NOT_FOUND");
        assertThat(api().post("/api/v1/admin/categories", data.staff(agency).token(), category(null, "x")).status())
                .isEqualTo(403);
    }

    @Test
    void adminsKeepCampaignTagsWithUniqueCodes() {
        String admin = data.admin().token();
        String code = "yigou" + TestData.next();
        Api.Response created = api().post("/api/v1/admin/campaign-tags", admin, Map.of("code", code, "name", "以购代捐"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(api().post("/api/v1/admin/campaign-tags", admin, Map.of("code", code, "name", "重复")).code())
                .isEqualTo("CAMPAIGN_TAG_CODE_EXISTS");
        for (String bad : new String[] {"A", "Upper" + TestData.next(), "有中文", "-dash", "x".repeat(33)}) {
            assertThat(api().post("/api/v1/admin/campaign-tags", admin, Map.of("code", bad, "name", "x")).code())
                    .as(bad).isEqualTo("VALIDATION_FAILED");
        }
        assertThat(api().get("/api/v1/campaign-tags", null).body()).contains(code);
        assertThat(api().put("/api/v1/admin/campaign-tags/" + id, admin, Map.of("code", code, "name", "消费帮扶")).status())
                .isEqualTo(200);
        assertThat(api().get("/api/v1/campaign-tags", null).body()).contains("消费帮扶");
        assertThat(api().delete("/api/v1/admin/campaign-tags/" + id, admin).status()).isEqualTo(204);
        assertThat(api().get("/api/v1/campaign-tags", null).body()).doesNotContain(code);
        assertThat(api().put("/api/v1/admin/campaign-tags/" + id, admin, Map.of("code", code, "name", "x")).code())
                .isEqualTo("CAMPAIGN_TAG_NOT_FOUND");
    }
}
