package cn.zhunong.mall.registry.household;

import cn.zhunong.mall.infra.crypto.Masking;
import cn.zhunong.mall.registry.validation.ResidentIdNumber;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Field rules for household data, shared by the JSON endpoints (through Bean Validation
 * patterns) and the CSV import (through the problem methods). Problem messages never echo the
 * value, because the value may be personal data.
 */
public final class HouseholdRules {

    /** Han characters, optionally joined by a middle dot as in minority names (阿卜杜·热合曼). */
    public static final String HEAD_NAME_REGEX = "^\\p{IsHan}+(?:[·•・]\\p{IsHan}+)*$";
    public static final String BANK_ACCOUNT_REGEX = "^\\d{12,30}$";
    public static final String PHONE_REGEX = "^1[3-9]\\d{9}$";
    public static final int NAME_MAX = 50;
    public static final int ALIAS_MAX = 50;
    public static final int MEMBERS_MIN = 1;
    public static final int MEMBERS_MAX = 50;

    private static final Pattern HEAD_NAME = Pattern.compile(HEAD_NAME_REGEX);
    private static final Pattern BANK_ACCOUNT = Pattern.compile(BANK_ACCOUNT_REGEX);
    private static final Pattern PHONE = Pattern.compile(PHONE_REGEX);
    private static final Pattern ID_SHAPE = Pattern.compile("^\\d{17}[\\dX]$");

    private HouseholdRules() {
    }

    /** Trims and writes every middle-dot variant as U+00B7, so names compare and search alike. */
    public static String normaliseName(String name) {
        return name == null ? null : name.strip().replace('•', '·').replace('・', '·');
    }

    public static Optional<String> headNameProblem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("户主姓名不能为空");
        }
        if (name.codePointCount(0, name.length()) > NAME_MAX) {
            return Optional.of("户主姓名不能超过 " + NAME_MAX + " 个字");
        }
        if (!HEAD_NAME.matcher(name).matches()) {
            return Optional.of("户主姓名只能包含汉字和间隔号·");
        }
        return Optional.empty();
    }

    /** Checks an already normalised ID number, naming the first thing that is wrong with it. */
    public static Optional<String> idNumberProblem(String id, LocalDate today) {
        if (id == null || id.isEmpty()) {
            return Optional.of("身份证号不能为空");
        }
        if (!ID_SHAPE.matcher(id).matches()) {
            return Optional.of("身份证号格式不正确（应为 18 位，末位可为 X）");
        }
        if (ResidentIdNumber.birthDate(id).isEmpty()) {
            return Optional.of("身份证号中的出生日期无效");
        }
        if (ResidentIdNumber.checkChar(id.substring(0, 17)) != id.charAt(17)) {
            return Optional.of("身份证号校验位不正确");
        }
        if (!ResidentIdNumber.isValid(id, today)) {
            return Optional.of("身份证号中的出生日期无效");
        }
        return Optional.empty();
    }

    public static Optional<String> memberCountProblem(Integer members) {
        if (members == null) {
            return Optional.of("人口数不能为空");
        }
        if (members < MEMBERS_MIN || members > MEMBERS_MAX) {
            return Optional.of("人口数应在 " + MEMBERS_MIN + "–" + MEMBERS_MAX + " 之间");
        }
        return Optional.empty();
    }

    /** {@code null} means "no bank account" and is fine. */
    public static Optional<String> bankAccountProblem(String account) {
        if (account != null && !BANK_ACCOUNT.matcher(account).matches()) {
            return Optional.of("银行账号应为 12–30 位数字");
        }
        return Optional.empty();
    }

    /** {@code null} means "no phone" and is fine. */
    public static Optional<String> phoneProblem(String phone) {
        if (phone != null && !PHONE.matcher(phone).matches()) {
            return Optional.of("手机号应为 11 位中国大陆手机号");
        }
        return Optional.empty();
    }

    /** The alias citizens may see: "龙岗村 张**"; cut to the column's 50 characters. */
    public static String defaultAlias(String villageName, String headName) {
        String alias = villageName + " " + Masking.personName(headName);
        int codePoints = alias.codePointCount(0, alias.length());
        return codePoints <= ALIAS_MAX ? alias : alias.substring(0, alias.offsetByCodePoints(0, ALIAS_MAX));
    }

    /** The alias to store: the given one, or a generated one when the household consented and gave none. */
    public static String aliasFor(boolean consentPublic, String givenAlias, String villageName, String headName) {
        String alias = givenAlias == null || givenAlias.isBlank() ? null : givenAlias.strip();
        if (alias == null && consentPublic) {
            return defaultAlias(villageName, headName);
        }
        return alias;
    }
}
