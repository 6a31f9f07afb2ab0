package cn.zhunong.mall.account;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The password policy: 8–64 characters, at least three of {lower case, upper case, digit,
 * symbol}, not containing the login name, and not one of the commonly used passwords. Pure, so
 * it is tested without Spring.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 64;
    /** BCrypt only reads the first 72 bytes; a longer password would silently lose its tail. */
    static final int MAX_BYTES = 72;
    private static final int MIN_CLASSES = 3;

    /** Lower-cased; a password equal to one of these, ignoring case, is refused. */
    private static final Set<String> COMMON = Set.of(
            "12345678", "123456789", "1234567890", "87654321", "11111111", "88888888", "00000000", "66666666",
            "123123123", "12341234", "11223344", "password", "password1", "password123", "password!", "passw0rd",
            "p@ssw0rd", "p@ssword", "p@ssword1", "p@ssw0rd1", "qwerty123", "qwertyuiop", "qwer1234", "1qaz2wsx",
            "1qaz@wsx", "1q2w3e4r", "1q2w3e4r5t", "zaq12wsx", "aa123456", "aa123456!", "aa112233", "a1234567",
            "a12345678", "a123456789", "abc12345", "abc123456", "abcd1234", "abcd@1234", "abc@1234", "admin123",
            "admin@123", "admin1234", "root1234", "test1234", "welcome1", "welcome123", "iloveyou", "iloveyou1",
            "woaini1314", "woaini520", "5201314520", "zxcvbnm123", "asdf1234", "qwe123456", "qweasdzxc", "q1w2e3r4",
            "letmein1", "monkey123", "dragon123", "changeme", "changeme1", "zhunong123", "zhunong@123");

    private PasswordPolicy() {
    }

    /** Why the password is not acceptable, or empty when it is. */
    public static Optional<String> violation(String password, String loginName) {
        if (password == null || password.isEmpty()) {
            return Optional.of("密码不能为空");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("密码至少需要 " + MIN_LENGTH + " 个字符");
        }
        if (length > MAX_LENGTH || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("密码过长，最多 " + MAX_LENGTH + " 个字符");
        }
        if (password.codePoints().anyMatch(Character::isISOControl)) {
            return Optional.of("密码不能包含控制字符");
        }
        if (characterClasses(password) < MIN_CLASSES) {
            return Optional.of("密码需包含小写字母、大写字母、数字、符号中的至少三类");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (loginName != null && !loginName.isBlank() && lower.contains(loginName.trim().toLowerCase(Locale.ROOT))) {
            return Optional.of("密码不能包含登录名或手机号");
        }
        if (COMMON.contains(lower)) {
            return Optional.of("密码过于常见，请换一个");
        }
        return Optional.empty();
    }

    static int characterClasses(String password) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean symbol = false;
        for (int i = 0; i < password.length(); ) {
            int c = password.codePointAt(i);
            i += Character.charCount(c);
            if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else {
                symbol = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
    }
}
