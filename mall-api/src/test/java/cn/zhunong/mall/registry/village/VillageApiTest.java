package cn.zhunong.mall.registry.village;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhunong.mall.support.Api;
import cn.zhunong.mall.support.ApiTest;
import cn.zhunong.mall.support.TestData;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class VillageApiTest extends ApiTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private static Map<String, Object> village(long agencyId, String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("agencyId", agencyId);
        body.put("name", name);
        body.put("divisionCode", TestData.divisionCode());
        body.put("countyCode", "440106");
        body.put("countyName", "天河区");
        body.put("townshipName", "龙洞街道");
        return body;
    }

    private static Map<String, Object> flag(String flag, LocalDate from, LocalDate to) {
        Map<String, Object> body = new HashMap<>();
        body.put("flag", flag);
        body.put("effectiveFrom", from.toString());
        body.put("effectiveTo", to == null ? null : to.toString());
        return body;
    }

    private static List<String> names(Api.Response response) {
        return response.json().path("items").valueStream().map(n -> n.path("name").asString()).toList();
    }

    @Test
    void staffRegisterAndUpdateVillagesOfTheirOwnAgency() {
        long agency = data.agency("本机构" + TestData.next());
        String staff = data.staff(agency).token();
        Map<String, Object> body = village(agency, "龙岗村" + TestData.next());
        Api.Response created = api().post("/api/v1/villages", staff, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(created.json().path("agencyId").asLong()).isEqualTo(agency);
        assertThat(created.json().path("writable").asBoolean()).isTrue();

        body.put("name", "新龙岗村" + TestData.next());
        body.remove("townshipName");
        Api.Response updated = api().put("/api/v1/villages/" + id, staff, body);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        JsonNode read = api().get("/api/v1/villages/" + id, staff).json();
        assertThat(read.path("name").asString()).isEqualTo(body.get("name"));
        assertThat(read.path("townshipName").isNull()).isTrue();
        assertThat(read.path("divisionCode").asString()).isEqualTo(body.get("divisionCode"));
    }

    @Test
    void staffCannotRegisterVillagesForOtherAgencies() {
        long own = data.agency("本机构" + TestData.next());
        long aided = data.agency("受援" + TestData.next());
        long other = data.agency("无关" + TestData.next());
        data.pairing(own, aided);
        String staff = data.staff(own).token();

        Api.Response forOther = api().post("/api/v1/villages", staff, village(other, "他村" + TestData.next()));
        assertThat(forOther.status()).isEqualTo(404);
        assertThat(forOther.code()).isEqualTo("AGENCY_NOT_FOUND");
        Api.Response forAided = api().post("/api/v1/villages", staff, village(aided, "受援村" + TestData.next()));
        assertThat(forAided.status()).isEqualTo(403);
        assertThat(forAided.code()).isEqualTo("READ_ONLY_SCOPE");

        // nor move their own village to another agency
        long mine = data.village(own, "我村" + TestData.next());
        Map<String, Object> move = village(other, "我村" + TestData.next());
        assertThat(api().put("/api/v1/villages/" + mine, staff, move).code()).isEqualTo("AGENCY_NOT_FOUND");

        // an admin may register for any agency, but not for one that does not exist
        String admin = data.admin().token();
        assertThat(api().post("/api/v1/villages", admin, village(other, "他村" + TestData.next())).status()).isEqualTo(201);
        Api.Response ghost = api().post("/api/v1/villages", admin, village(999_999_999L, "无主村" + TestData.next()));
        assertThat(ghost.status()).isEqualTo(404);
        assertThat(ghost.code()).isEqualTo("AGENCY_NOT_FOUND");
    }

    @Test
    void divisionCodeMustLieInTheCountyAndBeUnique() {
        long agency = data.agency("区划" + TestData.next());
        String admin = data.admin().token();
        Map<String, Object> body = village(agency, "区划村" + TestData.next());
        body.put("countyCode", "440105");
        Api.Response mismatch = api().post("/api/v1/villages", admin, body);
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.code()).isEqualTo("DIVISION_COUNTY_MISMATCH");

        body.put("countyCode", "440106");
        assertThat(api().post("/api/v1/villages", admin, body).status()).isEqualTo(201);
        Map<String, Object> twin = village(agency, "孪生村" + TestData.next());
        twin.put("divisionCode", body.get("divisionCode"));
        Api.Response duplicate = api().post("/api/v1/villages", admin, twin);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.code()).isEqualTo("DIVISION_CODE_EXISTS");
    }

    @Test
    void staffOfAnotherAgencyCannotSeeOrChangeTheVillage() {
        long a = data.agency("甲机构" + TestData.next());
        long b = data.agency("乙机构" + TestData.next());
        long villageOfB = data.village(b, "乙村" + TestData.next());
        String staffA = data.staff(a).token();

        Api.Response read = api().get("/api/v1/villages/" + villageOfB, staffA);
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.code()).isEqualTo("VILLAGE_NOT_FOUND");
        Api.Response update = api().put("/api/v1/villages/" + villageOfB, staffA, village(b, "改名" + TestData.next()));
        assertThat(update.status()).isEqualTo(404);
        assertThat(update.code()).isEqualTo("VILLAGE_NOT_FOUND");
        Api.Response addFlag = api().post("/api/v1/villages/" + villageOfB + "/flags", staffA,
                flag("COUNTY_832", TODAY, null));
        assertThat(addFlag.code()).isEqualTo("VILLAGE_NOT_FOUND");
        // same answer as for a village that does not exist at all
        assertThat(api().get("/api/v1/villages/999999999", staffA).code()).isEqualTo("VILLAGE_NOT_FOUND");
    }

    @Test
    void aidingStaffReadTheAidedVillagesButCannotChangeThem() {
        String token = "牵手村" + TestData.next();
        long aiding = data.agency("帮扶方" + TestData.next());
        long aided = data.agency("受援方" + TestData.next());
        data.pairing(aiding, aided);
        long aidedVillage = data.village(aided, token + "受援");
        String staff = data.staff(aiding).token();

        Api.Response read = api().get("/api/v1/villages/" + aidedVillage, staff);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("writable").asBoolean()).isFalse();

        Api.Response update = api().put("/api/v1/villages/" + aidedVillage, staff, village(aided, token + "改名"));
        assertThat(update.status()).isEqualTo(403);
        assertThat(update.code()).isEqualTo("READ_ONLY_SCOPE");
        Api.Response addFlag = api().post("/api/v1/villages/" + aidedVillage + "/flags", staff,
                flag("COUNTY_832", TODAY, null));
        assertThat(addFlag.status()).isEqualTo(403);
        assertThat(addFlag.code()).isEqualTo("READ_ONLY_SCOPE");
    }

    @Test
    void listReturnsOnlyVillagesInTheCallersScope() {
        String token = "范围村" + TestData.next();
        long own = data.agency("本" + TestData.next());
        long aided = data.agency("援" + TestData.next());
        long other = data.agency("他" + TestData.next());
        data.pairing(own, aided);
        data.village(own, token + "一");
        data.village(aided, token + "二");
        data.village(other, token + "三");

        assertThat(names(api().get("/api/v1/villages?q=" + token, data.staff(own).token())))
                .containsExactlyInAnyOrder(token + "一", token + "二");
        assertThat(names(api().get("/api/v1/villages?q=" + token, data.staff(other).token())))
                .containsExactly(token + "三");
        assertThat(names(api().get("/api/v1/villages?q=" + token, data.admin().token())))
                .containsExactlyInAnyOrder(token + "一", token + "二", token + "三");
        assertThat(api().get("/api/v1/villages?q=" + token, data.citizen().token()).status()).isEqualTo(403);
    }

    @Test
    void searchByCountyAndDivisionPrefixWithPagination() {
        long agency = data.agency("搜索" + TestData.next());
        String admin = data.admin().token();
        String token = "搜村" + TestData.next();
        String township = "520102" + String.format("%03d", TestData.next() % 1000);
        for (int i = 1; i <= 3; i++) {
            Map<String, Object> body = village(agency, token + i);
            body.put("divisionCode", township + String.format("%03d", i));
            body.put("countyCode", "520102");
            body.put("countyName", "南明区");
            assertThat(api().post("/api/v1/villages", admin, body).status()).isEqualTo(201);
        }
        assertThat(api().post("/api/v1/villages", admin, village(agency, token + "外县")).status()).isEqualTo(201);

        Api.Response byCounty = api().get("/api/v1/villages?q=" + token + "&countyCode=520102", admin);
        assertThat(byCounty.json().path("total").asLong()).isEqualTo(3);
        Api.Response page2 = api().get("/api/v1/villages?agencyId=" + agency + "&divisionCodePrefix=" + township
                + "&page=2&size=2", admin);
        assertThat(page2.json().path("total").asLong()).isEqualTo(3);
        assertThat(names(page2)).containsExactly(token + "3");
        Api.Response bad = api().get("/api/v1/villages?divisionCodePrefix=52x", admin);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").findValuesAsString("field")).containsExactly("divisionCodePrefix");
    }

    @Test
    void flagPeriodsOfTheSameFlagMustNotOverlap() {
        long agency = data.agency("标记" + TestData.next());
        long village = data.village(agency, "标记村" + TestData.next());
        String staff = data.staff(agency).token();
        String flags = "/api/v1/villages/" + village + "/flags";

        Api.Response first = api().post(flags, staff, flag("KEY_ASSISTANCE_COUNTY", TODAY.minusYears(2), TODAY.minusYears(1)));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);

        Api.Response overlapping = api().post(flags, staff, flag("KEY_ASSISTANCE_COUNTY", TODAY.minusYears(1), null));
        assertThat(overlapping.status()).isEqualTo(409);
        assertThat(overlapping.code()).isEqualTo("FLAG_PERIOD_OVERLAP");
        Api.Response containing = api().post(flags, staff, flag("KEY_ASSISTANCE_COUNTY", TODAY.minusYears(3), null));
        assertThat(containing.code()).isEqualTo("FLAG_PERIOD_OVERLAP");

        Api.Response next = api().post(flags, staff, flag("KEY_ASSISTANCE_COUNTY", TODAY.minusYears(1).plusDays(1), null));
        assertThat(next.status()).as(next.toString()).isEqualTo(201);
        Api.Response otherFlag = api().post(flags, staff, flag("COUNTY_832", TODAY.minusYears(3), null));
        assertThat(otherFlag.status()).isEqualTo(201);

        JsonNode detail = api().get("/api/v1/villages/" + village, staff).json();
        assertThat(detail.path("currentFlags").valueStream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrder("KEY_ASSISTANCE_COUNTY", "COUNTY_832");
        assertThat(detail.path("flags").size()).isEqualTo(3);

        Api.Response backwards = api().post(flags, staff, flag("PILOT_CUNCUNBO", TODAY, TODAY.minusDays(1)));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.code()).isEqualTo("INVALID_PERIOD");
    }

    @Test
    void endingAFlagTakesItOutOfForceAndCannotCreateAnOverlap() {
        long agency = data.agency("截止" + TestData.next());
        long village = data.village(agency, "截止村" + TestData.next());
        String staff = data.staff(agency).token();
        String flags = "/api/v1/villages/" + village + "/flags";
        long early = flagId(api().post(flags, staff, flag("PILOT_CUNCUNBO", TODAY.minusYears(2), TODAY.minusYears(1))),
                TODAY.minusYears(2));
        long current = flagId(api().post(flags, staff, flag("PILOT_CUNCUNBO", TODAY.minusMonths(6), null)),
                TODAY.minusMonths(6));

        Api.Response extend = api().put(flags + "/" + early + "/end", staff, Map.of("effectiveTo", TODAY.toString()));
        assertThat(extend.status()).isEqualTo(409);
        assertThat(extend.code()).isEqualTo("FLAG_PERIOD_OVERLAP");

        Api.Response end = api().put(flags + "/" + current + "/end", staff, Map.of("effectiveTo", TODAY.minusDays(1).toString()));
        assertThat(end.status()).as(end.toString()).isEqualTo(200);
        assertThat(end.json().path("currentFlags").size()).isZero();

        Api.Response beforeStart = api().put(flags + "/" + current + "/end", staff,
                Map.of("effectiveTo", TODAY.minusYears(1).toString()));
        assertThat(beforeStart.code()).isEqualTo("INVALID_PERIOD");

        long otherVillage = data.village(agency, "别村" + TestData.next());
        Api.Response wrongVillage = api().put("/api/v1/villages/" + otherVillage + "/flags/" + current + "/end", staff,
                Map.of("effectiveTo", TODAY.toString()));
        assertThat(wrongVillage.status()).isEqualTo(404);
        assertThat(wrongVillage.code()).isEqualTo("VILLAGE_FLAG_NOT_FOUND");
    }

    @Test
    void listFiltersByAFlagInForceToday() {
        long agency = data.agency("现行" + TestData.next());
        String staff = data.staff(agency).token();
        String token = "现行村" + TestData.next();
        long now = data.village(agency, token + "现");
        long past = data.village(agency, token + "旧");
        long future = data.village(agency, token + "新");
        data.village(agency, token + "无");
        api().post("/api/v1/villages/" + now + "/flags", staff, flag("COUNTY_832", TODAY.minusYears(1), TODAY));
        api().post("/api/v1/villages/" + past + "/flags", staff, flag("COUNTY_832", TODAY.minusYears(1), TODAY.minusDays(1)));
        api().post("/api/v1/villages/" + future + "/flags", staff, flag("COUNTY_832", TODAY.plusDays(1), null));

        Api.Response list = api().get("/api/v1/villages?q=" + token + "&flag=COUNTY_832", staff);
        assertThat(list.status()).isEqualTo(200);
        assertThat(names(list)).containsExactly(token + "现");
        assertThat(list.json().path("items").get(0).path("currentFlags").get(0).asString()).isEqualTo("COUNTY_832");

        Api.Response badFlag = api().get("/api/v1/villages?flag=POOR", staff);
        assertThat(badFlag.status()).isEqualTo(400);
        assertThat(badFlag.json().path("errors").findValuesAsString("field")).containsExactly("flag");
    }

    @Test
    void badInputIsA400NamingTheProblem() {
        long agency = data.agency("输入" + TestData.next());
        String staff = data.staff(agency).token();

        Map<String, Object> missing = village(agency, "缺" + TestData.next());
        missing.remove("divisionCode");
        missing.remove("countyName");
        Api.Response m = api().post("/api/v1/villages", staff, missing);
        assertThat(m.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(m.json().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("divisionCode", "countyName");

        Map<String, Object> shortCode = village(agency, "短" + TestData.next());
        shortCode.put("divisionCode", "44010600");
        assertThat(api().post("/api/v1/villages", staff, shortCode).json().path("errors").findValuesAsString("field"))
                .containsExactly("divisionCode");

        Map<String, Object> unknown = village(agency, "多" + TestData.next());
        unknown.put("population", 300);
        assertThat(api().post("/api/v1/villages", staff, unknown).code()).isEqualTo("UNKNOWN_FIELD");

        Map<String, Object> wrongType = village(agency, "型" + TestData.next());
        wrongType.put("agencyId", "abc");
        Api.Response t = api().post("/api/v1/villages", staff, wrongType);
        assertThat(t.code()).isEqualTo("INVALID_FIELD_TYPE");
        assertThat(t.json().path("errors").findValuesAsString("field")).containsExactly("agencyId");

        long village = data.village(agency, "旗" + TestData.next());
        Api.Response badFlag = api().post("/api/v1/villages/" + village + "/flags", staff,
                Map.of("flag", "POOR_COUNTY", "effectiveFrom", TODAY.toString()));
        assertThat(badFlag.code()).isEqualTo("INVALID_FIELD_TYPE");
        Api.Response badDate = api().post("/api/v1/villages/" + village + "/flags", staff,
                Map.of("flag", "COUNTY_832", "effectiveFrom", "2026-13-01"));
        assertThat(badDate.code()).isEqualTo("INVALID_FIELD_TYPE");
        assertThat(badDate.json().path("errors").findValuesAsString("field")).containsExactly("effectiveFrom");
        Api.Response noFrom = api().post("/api/v1/villages/" + village + "/flags", staff, Map.of("flag", "COUNTY_832"));
        assertThat(noFrom.json().path("errors").findValuesAsString("field")).containsExactly("effectiveFrom");

        assertThat(api().get("/api/v1/villages/x1", staff).code()).isEqualTo("INVALID_PARAMETER");
        assertThat(api().put("/api/v1/villages/" + village + "/flags/abc/end", staff,
                Map.of("effectiveTo", TODAY.toString())).status()).isEqualTo(400);
    }

    private static long flagId(Api.Response response, LocalDate from) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("flags").valueStream()
                .filter(f -> f.path("effectiveFrom").asString().equals(from.toString()))
                .findFirst().orElseThrow().path("id").asLong();
    }
}
