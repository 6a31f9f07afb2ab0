package cn.zhunong.mall.account;

import cn.zhunong.mall.infra.crypto.Masking;
import java.util.Locale;
import java.util.regex.Pattern;

/** Rules for login names: citizens use their mainland mobile number, other accounts a short handle. */
public final class LoginNames {

    /** 11-digit mainland mobile number. */
    public static final String PHONE_REGEX = "^1[3-9]\\d{9}$";
    /** A handle given by an admin; an 11-digit phone also matches. */
    public static final String HANDLE_REGEX = "^[a-zA-Z0-9_.-]{3,32}$";

    private static final Pattern PHONE = Pattern.compile(PHONE_REGEX);

    private LoginNames() {
    }

    public static boolean isPhone(String login) {
        return login != null && PHONE.matcher(login).matches();
    }

    /** What responses show: a phone is masked, a handle is not personal data and is shown as is. */
    public static String masked(String login) {
        return isPhone(login) ? Masking.phone(login) : login;
    }

    /** The database compares login names case-insensitively, so throttling keys must too. */
    public static String canonical(String login) {
        return login.trim().toLowerCase(Locale.ROOT);
    }
}
