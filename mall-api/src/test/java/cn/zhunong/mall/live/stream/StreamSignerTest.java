package cn.zhunong.mall.live.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StreamSignerTest {

    @Test
    void tencentTxSecretMatchesTheDocumentedExample() {
        assertThat(StreamSigner.tencentTxSecret("e12c46f2612d5106e2034781ab261ca3", "test", "5C271099"))
                .isEqualTo("f85a2ab363fe4deaffef9754d79da6fe");
        assertThat(StreamSigner.tencentTxTime(0x5C271099L)).isEqualTo("5C271099");
    }

    @Test
    void aliyunAuthKeyFollowsTypeA() {
        // expected hash from `echo -n "/live/s1.flv-1700000000-abc-0-key" | md5sum`
        assertThat(StreamSigner.aliyunAuthKey("/live/s1.flv", 1700000000L, "abc", "0", "key"))
                .isEqualTo("1700000000-abc-0-15a7ffcea378aa6e461c54d39d19af9b");
    }

    @Test
    void signedUrlsExpireAfterTheTtlAndUseTheRightKeys() {
        Instant now = Instant.parse("2026-11-23T04:00:00Z");
        StreamProperties props = new StreamProperties(StreamProperties.Provider.TENCENT, "push.example.cn", "play.example.cn",
                "live", "pushkey", "pullkey", Duration.ofHours(2));
        StreamUrls urls = new StreamSigner(props, Clock.fixed(now, ZoneOffset.UTC)).sign("zn_42");
        String txTime = StreamSigner.tencentTxTime(now.plus(Duration.ofHours(2)).getEpochSecond());
        assertThat(urls.expiresAt()).isEqualTo(now.plus(Duration.ofHours(2)));
        assertThat(urls.push()).isEqualTo("rtmp://push.example.cn/live/zn_42?txSecret="
                + StreamSigner.tencentTxSecret("pushkey", "zn_42", txTime) + "&txTime=" + txTime);
        assertThat(urls.flv()).startsWith("https://play.example.cn/live/zn_42.flv?txSecret="
                + StreamSigner.tencentTxSecret("pullkey", "zn_42", txTime));
        assertThat(urls.hls()).contains("/live/zn_42.m3u8?");
        assertThat(urls.withoutPush().push()).isNull();
    }
}
