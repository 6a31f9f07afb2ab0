package cn.zhunong.mall.infra.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests (every JVM has the algorithm, so its absence is a broken runtime, not an input error). */
public final class Sha256 {

    /** One instance per thread: looking the algorithm up in the providers cost more than hashing a request. */
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private Sha256() {
    }

    public static byte[] digest(byte[] bytes) {
        return DIGEST.get().digest(bytes); // digest() also resets it for the next use
    }

    /** Lower-case hex of the digest of the bytes. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest(bytes));
    }

    /** Lower-case hex of the digest of the text's UTF-8 bytes. */
    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
