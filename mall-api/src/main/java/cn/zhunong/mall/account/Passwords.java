package cn.zhunong.mall.account;

import cn.zhunong.mall.infra.web.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Hashing and checking passwords, with the policy and the timing guard in one place. */
@Component
public class Passwords {

    private final PasswordEncoder encoder;
    /** Checked against when the login is unknown, so that case costs as much time as a wrong password. */
    private final String dummyHash;

    public Passwords(PasswordEncoder encoder) {
        this.encoder = encoder;
        this.dummyHash = encoder.encode(UUID.randomUUID().toString());
    }

    /** Throws 400 WEAK_PASSWORD with the reason unless the password meets the policy. */
    public void requireStrong(String password, String loginName) {
        PasswordPolicy.violation(password, loginName).ifPresent(reason -> {
            throw ApiException.badRequest("WEAK_PASSWORD", reason);
        });
    }

    public String hash(String password) {
        return encoder.encode(password);
    }

    /** Compares in constant work whether or not there is an account ({@code hash} null). */
    public boolean matches(String password, String hash) {
        if (password.getBytes(StandardCharsets.UTF_8).length > PasswordPolicy.MAX_BYTES) {
            encoder.matches("", dummyHash); // no such password can have been set; spend the same time
            return false;
        }
        if (hash == null) {
            encoder.matches(password, dummyHash);
            return false;
        }
        return encoder.matches(password, hash);
    }
}
