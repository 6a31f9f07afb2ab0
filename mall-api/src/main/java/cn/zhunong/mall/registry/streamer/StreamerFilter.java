package cn.zhunong.mall.registry.streamer;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Query parameters of GET /streamers: display name contains {@code q}; region code starts with {@code regionCode}. */
public record StreamerFilter(
        @Size(max = 50) String q,
        @Pattern(regexp = "\\d{1,6}", message = "须为 1–6 位数字（行政区划代码前缀）") String regionCode,
        @Positive Long agencyId) {
}
