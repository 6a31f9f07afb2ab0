package cn.zhunong.mall.live.stream;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Signs push and playback URLs with an expiry, so a leaked URL stops working.
 * <ul>
 *   <li>Tencent CSS: {@code txSecret = MD5(key + streamName + txTime)}, txTime = expiry in Unix
 *       seconds as upper-case hex.</li>
 *   <li>Alibaba Cloud ApsaraVideo Live, auth type A: {@code auth_key = timestamp-rand-uid-md5hash}
 *       with {@code md5hash = MD5(uri + "-" + timestamp + "-" + rand + "-" + uid + "-" + key)},
 *       timestamp = expiry in Unix seconds, uri = the path including the file suffix.</li>
 * </ul>
 */
@Component
public class StreamSigner {

    private final StreamProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public StreamSigner(StreamProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    public StreamUrls sign(String streamName) {
        Instant expiresAt = clock.instant().plus(properties.ttl());
        long expiry = expiresAt.getEpochSecond();
        String app = properties.appName();
        String push = "rtmp://" + properties.pushDomain() + "/" + app + "/" + streamName
                + query("/" + app + "/" + streamName, streamName, expiry, properties.pushKey());
        String pull = properties.pullDomain();
        String rtmp = "rtmp://" + pull + "/" + app + "/" + streamName
                + query("/" + app + "/" + streamName, streamName, expiry, properties.pullKey());
        String flv = "https://" + pull + "/" + app + "/" + streamName + ".flv"
                + query("/" + app + "/" + streamName + ".flv", streamName, expiry, properties.pullKey());
        String hls = "https://" + pull + "/" + app + "/" + streamName + ".m3u8"
                + query("/" + app + "/" + streamName + ".m3u8", streamName, expiry, properties.pullKey());
        return new StreamUrls(streamName, push, rtmp, flv, hls, expiresAt);
    }

    private String query(String uri, String streamName, long expiry, String key) {
        return switch (properties.provider()) {
            case TENCENT -> {
                String txTime = tencentTxTime(expiry);
                yield "?txSecret=" + tencentTxSecret(key, streamName, txTime) + "&txTime=" + txTime;
            }
            case ALIYUN -> "?auth_key=" + aliyunAuthKey(uri, expiry, Long.toHexString(random.nextLong() & Long.MAX_VALUE), "0", key);
        };
    }

    static String tencentTxTime(long expiryEpochSeconds) {
        return Long.toHexString(expiryEpochSeconds).toUpperCase(Locale.ROOT);
    }

    static String tencentTxSecret(String key, String streamName, String txTime) {
        return md5Hex(key + streamName + txTime);
    }

    static String aliyunAuthKey(String uri, long expiryEpochSeconds, String rand, String uid, String key) {
        String hash = md5Hex(uri + "-" + expiryEpochSeconds + "-" + rand + "-" + uid + "-" + key);
        return expiryEpochSeconds + "-" + rand + "-" + uid + "-" + hash;
    }

    private static String md5Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
