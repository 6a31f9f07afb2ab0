package cn.zhunong.mall.infra.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Encrypts personal values at rest with AES-256-GCM and computes a keyed hash (HMAC-SHA256) so
 * duplicates can be found without decrypting. Ciphertext layout: version byte, 12-byte IV, then
 * ciphertext with its 16-byte tag; the version byte leaves room for key rotation.
 */
@Component
public class PiiCipher {

    private static final byte VERSION = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey encryptionKey;
    private final SecretKey hashKey;
    private final SecureRandom random = new SecureRandom();
    /** a Cipher per thread: getInstance is a provider lookup per call; every use still inits with its own IV */
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(PiiCipher::newCipher);

    public PiiCipher(PiiProperties properties) {
        this.encryptionKey = new SecretKeySpec(decode32(properties.encryptionKey(), "zhunong.pii.encryption-key"), "AES");
        this.hashKey = new SecretKeySpec(decode32(properties.hashKey(), "zhunong.pii.hash-key"), "HmacSHA256");
    }

    public byte[] encrypt(String plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(new byte[] {VERSION});
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + IV_BYTES + sealed.length).put(VERSION).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PII encryption failed", e);
        }
    }

    public String decrypt(byte[] stored) {
        if (stored == null || stored.length < 1 + IV_BYTES + TAG_BITS / 8 || stored[0] != VERSION) {
            throw new IllegalStateException("Unreadable PII ciphertext");
        }
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, stored, 1, IV_BYTES));
            cipher.updateAAD(new byte[] {VERSION});
            byte[] plain = cipher.doFinal(stored, 1 + IV_BYTES, stored.length - 1 - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PII decryption failed (wrong key or tampered data)", e);
        }
    }

    /** Keyed hash of an already normalised value (callers normalise: upper-case X, no spaces). */
    public byte[] hash(String normalised) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            return mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PII hashing failed", e);
        }
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is not available", e);
        }
    }

    private static byte[] decode32(String base64, String name) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " must be base64", e);
        }
        if (key.length != 32) {
            throw new IllegalStateException(name + " must decode to 32 bytes, got " + key.length);
        }
        return key;
    }
}
