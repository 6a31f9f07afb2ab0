package cn.zhunong.devrun;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * Keys for the embedded run: random on first start and kept beside the data, so encrypted
 * personal data stay readable across restarts and a reset also forgets the keys.
 */
record DevSecrets(String jwtSecret, String piiEncryptionKey, String piiHashKey, String livePushKey, String livePullKey) {

    static DevSecrets loadOrCreate(Path file) {
        try {
            Properties props = new Properties();
            if (Files.exists(file)) {
                try (Reader in = Files.newBufferedReader(file)) {
                    props.load(in);
                }
            }
            // keys added by later versions are generated on the next start, the existing ones kept
            int before = props.size();
            props.putIfAbsent("jwt-secret", random(48));
            props.putIfAbsent("pii-encryption-key", random(32));
            props.putIfAbsent("pii-hash-key", random(32));
            props.putIfAbsent("live-push-key", random(16));
            props.putIfAbsent("live-pull-key", random(16));
            if (props.size() != before) {
                Files.createDirectories(file.getParent());
                try (Writer out = Files.newBufferedWriter(file)) {
                    props.store(out, "Dev-only keys of the embedded platform. Never use them in production.");
                }
            }
            return new DevSecrets(props.getProperty("jwt-secret"), props.getProperty("pii-encryption-key"),
                    props.getProperty("pii-hash-key"), props.getProperty("live-push-key"), props.getProperty("live-pull-key"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String random(int bytes) {
        byte[] key = new byte[bytes];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
