package cn.zhunong.mall.live;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;

public record ScheduleLiveSessionRequest(
        @NotNull @Positive Long pairingId,
        @NotBlank @Size(max = 60) String title,
        @NotNull @Future Instant scheduledStart,
        @NotNull @Future Instant scheduledEnd) {
}
