package cn.zhunong.mall.registry.streamer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of PUT /streamers/{id}; the real name and ID number cannot be changed. Absent mcn/regionCode clear them. */
public record StreamerUpdateRequest(
        @NotBlank @Size(max = 50) String displayName,
        @NotNull Boolean realNameVerified,
        @Size(max = 100) String mcn,
        @Pattern(regexp = "\\d{6}", message = "须为 6 位数字行政区划代码") String regionCode) {
}
