package cn.zhunong.mall.live.stream;

import java.time.Instant;

/** Signed URLs of one stream; {@code push} is only given to the host. */
public record StreamUrls(String streamName, String push, String rtmp, String flv, String hls, Instant expiresAt) {

    public StreamUrls withoutPush() {
        return new StreamUrls(streamName, null, rtmp, flv, hls, expiresAt);
    }
}
