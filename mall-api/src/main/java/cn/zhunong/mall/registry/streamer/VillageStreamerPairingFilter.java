package cn.zhunong.mall.registry.streamer;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/** Query parameters of GET /village-streamer-pairings. */
public record VillageStreamerPairingFilter(@Positive Long villageId, @Positive Long streamerId, @Pattern(regexp = "ACTIVE|SUSPENDED|ENDED", message = "须为 ACTIVE、SUSPENDED 或 ENDED") String status) {

    /** Bound as text and checked by the pattern, so a bad value gets a plain message rather than a conversion error. */
    PairingStatus pairingStatus() {
        return status == null ? null : PairingStatus.valueOf(status);
    }
}
