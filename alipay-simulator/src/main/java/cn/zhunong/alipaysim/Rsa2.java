package cn.zhunong.alipaysim;

import java.nio.charset.Charset;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Alipay's RSA2 rules, implemented from Alipay's side: SHA256withRSA over UTF-8 (or the request charset) bytes,
 * Base64 signatures, keys as Base64 of PKCS#8 (private) and X.509 SubjectPublicKeyInfo (public) without PEM armour,
 * exactly as the open platform shows them.
 */
public final class Rsa2 {

    private static final String ALGORITHM = "SHA256withRSA";

    private Rsa2() {
    }

    /** A fresh RSA 2048 key pair (what the open platform's key tool generates). */
    public static KeyPair generateKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String privateKeyBase64(KeyPair pair) {
        return Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
    }

    public static String publicKeyBase64(KeyPair pair) {
        return Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
    }

    public static PublicKey publicKey(String base64) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(stripPem(base64));
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a Base64 X.509 RSA public key: " + e.getMessage(), e);
        }
    }

    public static PrivateKey privateKey(String base64) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(stripPem(base64));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a Base64 PKCS#8 RSA private key: " + e.getMessage(), e);
        }
    }

    /** Rebuilds a key pair from the two Base64 strings. */
    public static KeyPair keyPair(String privateKeyBase64, String publicKeyBase64) {
        return new KeyPair(publicKey(publicKeyBase64), privateKey(privateKeyBase64));
    }

    public static String sign(String content, PrivateKey key, Charset charset) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(content.getBytes(charset));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean verify(String content, String base64Signature, PublicKey key, Charset charset) {
        if (base64Signature == null || base64Signature.isEmpty()) {
            return false;
        }
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update(content.getBytes(charset));
            return signature.verify(Base64.getMimeDecoder().decode(base64Signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The string Alipay signs: parameters sorted by name, {@code name=value} joined by {@code &}, raw (not
     * URL-encoded) values, parameters with an empty value left out, and the {@code excluded} names left out.
     * Requests are signed over everything but {@code sign}; notifies and page returns are verified by the SDK's
     * {@code rsaCheckV1}, which leaves out {@code sign} and {@code sign_type}.
     */
    public static String signContent(Map<String, String> params, Set<String> excluded) {
        StringBuilder content = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(params).entrySet()) {
            String key = e.getKey();
            String value = e.getValue();
            if (excluded.contains(key) || key == null || key.isEmpty() || value == null || value.isEmpty()) {
                continue;
            }
            if (content.length() > 0) {
                content.append('&');
            }
            content.append(key).append('=').append(value);
        }
        return content.toString();
    }

    static final Set<String> REQUEST_EXCLUDED = Set.of("sign");
    static final Set<String> NOTIFY_EXCLUDED = Set.of("sign", "sign_type");

    private static String stripPem(String key) {
        StringBuilder out = new StringBuilder();
        for (String line : List.of(key.split("\\R"))) {
            if (!line.startsWith("-----")) {
                out.append(line.trim());
            }
        }
        return out.toString();
    }
}
