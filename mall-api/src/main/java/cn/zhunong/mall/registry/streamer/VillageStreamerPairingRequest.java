package cn.zhunong.mall.registry.streamer;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Body of POST /village-streamer-pairings; a 公益 (public welfare) pairing carries no commission. */
public record VillageStreamerPairingRequest(
        @NotNull @Positive Long villageId,
        @NotNull @Positive Long streamerId,
        @NotBlank @Size(max = 64) @Pattern(regexp = "[\\p{L}\\p{N}\\-_/.()（）]+", message = "只能包含文字、数字和 - _ / . ( )")
        String agreementNo,
        @NotNull LocalDate signedDate,
        @NotNull LocalDate startDate,
        LocalDate endDate,
        @NotNull Boolean publicWelfare,
        @NotNull @Min(0) @Max(10000) Integer commissionBp) {
}
