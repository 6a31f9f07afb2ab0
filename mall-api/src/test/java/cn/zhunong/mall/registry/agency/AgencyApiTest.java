package cn.zhunong.mall.registry.agency;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhunong.mall.support.Api;
import cn.zhunong.mall.support.ApiTest;
import cn.zhunong.mall.support.TestData;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AgencyApiTest extends ApiTest {

    private static Map<String, Object> agency(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("type", "SOCIAL_WORK_ORG");
        body.put("creditCode", TestData.creditCode());
        body.put("regionCode", "440106");
        body.put("contactName", "李四");
        return body;
    }

    private static List<String> names(Api.Response response) {
        return response.json().path("items").valueStream().map(n -> n.path("name").asString()).toList();
    }

    @Test
    void adminCreatesReadsAndUpdatesAnAgency() {
        String admin = data.admin().token();
        Map<String, Object> body = agency("龙岗社工" + TestData.next());
        Api.Response created = api().post("/api/v1/agencies", admin, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(created.json().path("creditCode").asString()).isEqualTo(body.get("creditCode"));

        Api.Response read = api().get("/api/v1/agencies/" + id, admin);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("name").asString()).isEqualTo(body.get("name"));
        assertThat(read.json().path("type").asString()).isEqualTo("SOCIAL_WORK_ORG");

        body.put("name", "龙岗合作社" + TestData.next());
        body.put("type", "COOPERATIVE");
        body.put("regionCode", "441481");
        Api.Response updated = api().put("/api/v1/agencies/" + id, admin, body);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        JsonNode again = api().get("/api/v1/agencies/" + id, admin).json();
        assertThat(again.path("name").asString()).isEqualTo(body.get("name"));
        assertThat(again.path("type").asString()).isEqualTo("COOPERATIVE");
        assertThat(again.path("regionCode").asString()).isEqualTo("441481");
    }

    @Test
    void creditCodeWithAWrongCheckCharacterIsRejectedNamingTheField() {
        Map<String, Object> body = agency("校验位测试" + TestData.next());
        String good = (String) body.get("creditCode");
        char wrong = good.charAt(17) == '0' ? '1' : '0';
        body.put("creditCode", good.substring(0, 17) + wrong);
        Api.Response response = api().post("/api/v1/agencies", data.admin().token(), body);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.json().path("errors").findValuesAsString("field")).containsExactly("creditCode");
    }

    @Test
    void duplicateCreditCodeIsAConflict() {
        String admin = data.admin().token();
        Map<String, Object> first = agency("甲" + TestData.next());
        assertThat(api().post("/api/v1/agencies", admin, first).status()).isEqualTo(201);
        Map<String, Object> second = agency("乙" + TestData.next());
        second.put("creditCode", first.get("creditCode"));
        Api.Response response = api().post("/api/v1/agencies", admin, second);
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.code()).isEqualTo("CREDIT_CODE_EXISTS");

        long otherId = api().post("/api/v1/agencies", admin, agency("丙" + TestData.next())).json().path("id").asLong();
        Map<String, Object> clash = agency("丙" + TestData.next());
        clash.put("creditCode", first.get("creditCode"));
        Api.Response update = api().put("/api/v1/agencies/" + otherId, admin, clash);
        assertThat(update.status()).isEqualTo(409);
        assertThat(update.code()).isEqualTo("CREDIT_CODE_EXISTS");
    }

    @Test
    void searchByNameRegionAndTypeWithPagination() {
        String admin = data.admin().token();
        String token = "搜索" + TestData.next();
        for (int i = 1; i <= 3; i++) {
            Map<String, Object> body = agency(token + "社工站" + i);
            body.put("type", "SOCIAL_WORK_STATION");
            body.put("regionCode", "520102");
            assertThat(api().post("/api/v1/agencies", admin, body).status()).isEqualTo(201);
        }
        Map<String, Object> elsewhere = agency(token + "企业");
        elsewhere.put("type", "ENTERPRISE");
        elsewhere.put("regionCode", "530102");
        assertThat(api().post("/api/v1/agencies", admin, elsewhere).status()).isEqualTo(201);

        Api.Response all = api().get("/api/v1/agencies?q=" + token, admin);
        assertThat(all.json().path("total").asLong()).isEqualTo(4);

        Api.Response page1 = api().get("/api/v1/agencies?q=" + token + "&regionCode=52&page=1&size=2", admin);
        assertThat(page1.status()).isEqualTo(200);
        assertThat(page1.json().path("total").asLong()).isEqualTo(3);
        assertThat(names(page1)).containsExactly(token + "社工站1", token + "社工站2");
        Api.Response page2 = api().get("/api/v1/agencies?q=" + token + "&regionCode=52&page=2&size=2", admin);
        assertThat(names(page2)).containsExactly(token + "社工站3");

        Api.Response byType = api().get("/api/v1/agencies?q=" + token + "&type=ENTERPRISE", admin);
        assertThat(names(byType)).containsExactly(token + "企业");
    }

    @Test
    void likeWildcardsInTheSearchTextMatchThemselves() {
        String admin = data.admin().token();
        String token = "通配" + TestData.next();
        assertThat(api().post("/api/v1/agencies", admin, agency(token + "百分之百")).status()).isEqualTo(201);
        Api.Response response = api().get("/api/v1/agencies?q=" + token + "%25", admin);
        assertThat(response.json().path("total").asLong()).isZero();
    }

    @Test
    void staffSeeTheirOwnAndAidedAgenciesOnly() {
        String token = "范围" + TestData.next();
        long own = data.agency(token + "本机构");
        long aided = data.agency(token + "受援");
        long other = data.agency(token + "无关");
        data.pairing(own, aided);
        String staff = data.staff(own).token();

        assertThat(api().get("/api/v1/agencies/" + own, staff).status()).isEqualTo(200);
        assertThat(api().get("/api/v1/agencies/" + aided, staff).status()).isEqualTo(200);
        Api.Response hidden = api().get("/api/v1/agencies/" + other, staff);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.code()).isEqualTo("AGENCY_NOT_FOUND");

        Api.Response list = api().get("/api/v1/agencies?q=" + token, staff);
        assertThat(names(list)).containsExactlyInAnyOrder(token + "本机构", token + "受援");
        // the aided agency does not in turn see the aiding one
        Api.Response reverse = api().get("/api/v1/agencies?q=" + token, data.staff(aided).token());
        assertThat(names(reverse)).containsExactly(token + "受援");
    }

    @Test
    void onlyAdminsChangeAgenciesAndOthersCannotRead() {
        long own = data.agency("权限" + TestData.next());
        String staff = data.staff(own).token();
        Api.Response create = api().post("/api/v1/agencies", staff, agency("越权" + TestData.next()));
        assertThat(create.status()).isEqualTo(403);
        assertThat(create.code()).isEqualTo("FORBIDDEN");
        assertThat(api().put("/api/v1/agencies/" + own, staff, agency("越权" + TestData.next())).status()).isEqualTo(403);

        String citizen = data.citizen().token();
        assertThat(api().get("/api/v1/agencies", citizen).status()).isEqualTo(403);
        assertThat(api().get("/api/v1/agencies/" + own, citizen).status()).isEqualTo(403);
        assertThat(api().get("/api/v1/agencies", data.host().token()).status()).isEqualTo(403);
        assertThat(api().get("/api/v1/agencies", null).status()).isEqualTo(401);
    }

    @Test
    void badInputIsA400NamingTheProblem() {
        String admin = data.admin().token();

        Map<String, Object> unknown = agency("未知字段" + TestData.next());
        unknown.put("founded", "2020");
        Api.Response u = api().post("/api/v1/agencies", admin, unknown);
        assertThat(u.status()).isEqualTo(400);
        assertThat(u.code()).isEqualTo("UNKNOWN_FIELD");

        Map<String, Object> wrongType = agency("类型错误" + TestData.next());
        wrongType.put("type", "CHARITY");
        Api.Response t = api().post("/api/v1/agencies", admin, wrongType);
        assertThat(t.status()).isEqualTo(400);
        assertThat(t.code()).isEqualTo("INVALID_FIELD_TYPE");
        assertThat(t.json().path("errors").findValuesAsString("field")).containsExactly("type");

        Map<String, Object> missing = agency("缺字段" + TestData.next());
        missing.remove("name");
        missing.remove("regionCode");
        Api.Response m = api().post("/api/v1/agencies", admin, missing);
        assertThat(m.status()).isEqualTo(400);
        assertThat(m.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(m.json().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("name", "regionCode");

        Map<String, Object> region = agency("区划" + TestData.next());
        region.put("regionCode", "4401");
        assertThat(api().post("/api/v1/agencies", admin, region).json().path("errors").findValuesAsString("field"))
                .containsExactly("regionCode");

        Api.Response path = api().get("/api/v1/agencies/abc", admin);
        assertThat(path.status()).isEqualTo(400);
        assertThat(path.code()).isEqualTo("INVALID_PARAMETER");

        Api.Response malformed = api().raw("POST", "/api/v1/agencies", admin, "application/json", "{\"name\":".getBytes());
        assertThat(malformed.status()).isEqualTo(400);

        Api.Response badFilter = api().get("/api/v1/agencies?regionCode=abc", admin);
        assertThat(badFilter.status()).isEqualTo(400);
        assertThat(badFilter.json().path("errors").findValuesAsString("field")).containsExactly("regionCode");
        Api.Response badSize = api().get("/api/v1/agencies?size=1000", admin);
        assertThat(badSize.status()).isEqualTo(400);
        assertThat(badSize.json().path("errors").findValuesAsString("field")).containsExactly("size");
        Api.Response badType = api().get("/api/v1/agencies?type=CHARITY", admin);
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.json().path("errors").findValuesAsString("field")).containsExactly("type");
        assertThat(badType.body()).doesNotContain("java.");

        Api.Response missingAgency = api().get("/api/v1/agencies/999999999", admin);
        assertThat(missingAgency.status()).isEqualTo(404);
        assertThat(missingAgency.code()).isEqualTo("AGENCY_NOT_FOUND");
    }
}
