package cn.zhunong.mall.registry.streamer;

import cn.zhunong.mall.registry.validation.ValidResidentIdNumber;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of POST /streamers. */
public record StreamerRequest(
        @NotBlank @Size(max = 50) String displayName,
        @NotBlank @Size(max = 50) String realName,
        @NotBlank @ValidResidentIdNumber String idNumber,
        @NotNull Boolean realNameVerified,
        @Size(max = 100) String mcn,
        @Pattern(regexp = "\\d{6}", message = "须为 6 位数字行政区划代码") String regionCode) {

    /** Keeps the ID number out of logs and error output should the record ever be printed. */
    @Override
    public String toString() {
        return "StreamerRequest[displayName=" + displayName + ", idNumber=***]";
    }
}
