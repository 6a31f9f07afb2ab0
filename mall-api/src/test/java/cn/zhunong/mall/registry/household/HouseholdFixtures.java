package cn.zhunong.mall.registry.household;

import cn.zhunong.mall.registry.validation.ResidentIdNumber;
import cn.zhunong.mall.support.TestData;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** Request bodies and personal values for household tests. */
final class HouseholdFixtures {

    private HouseholdFixtures() {
    }

    /** A valid ID number ending in "1234", unique in this JVM (births 1940–1959, away from TestData's). */
    static String idEnding1234() {
        LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(TestData.next() % 7000);
        while (true) {
            String first17 = "440106" + birth.toString().replace("-", "") + "123";
            if (ResidentIdNumber.checkChar(first17) == '4') {
                return first17 + '4';
            }
            birth = birth.plusDays(1);
        }
    }

    static String bankAccount() {
        return "6222" + String.format("%015d", TestData.next());
    }

    static Map<String, Object> create(long villageId, String headName, String idNumber) {
        Map<String, Object> body = new HashMap<>();
        body.put("villageId", villageId);
        body.put("headName", headName);
        body.put("category", "LIFTED_OUT");
        body.put("memberCount", 3);
        body.put("idNumber", idNumber);
        body.put("consentPublic", false);
        return body;
    }

    static Map<String, Object> createFull(long villageId, String headName, String idNumber, String bank, String phone) {
        Map<String, Object> body = create(villageId, headName, idNumber);
        body.put("bankAccount", bank);
        body.put("phone", phone);
        body.put("consentPublic", true);
        return body;
    }

    static Map<String, Object> update(String headName, int members) {
        Map<String, Object> body = new HashMap<>();
        body.put("headName", headName);
        body.put("memberCount", members);
        body.put("consentPublic", false);
        return body;
    }

    static Map<String, Object> categoryChange(String category, LocalDate from, String reason) {
        return Map.of("category", category, "effectiveFrom", from.toString(), "reason", reason);
    }

    static Map<String, Object> reveal(String... fields) {
        return Map.of("fields", fields, "purpose", "核对银行代发信息");
    }

    static String csvHeader() {
        return "户主姓名,身份证号,类别,人口数,银行账号,手机号,同意公开\r\n";
    }
}
