package cn.zhunong.mall.registry.streamer;

import java.time.Instant;
import java.time.LocalDate;

public record VillageStreamerPairingResponse(long id, long villageId, long streamerId, String agreementNo,
        LocalDate signedDate, LocalDate startDate, LocalDate endDate, boolean publicWelfare, int commissionBp,
        PairingStatus status, Instant createdAt, Instant updatedAt) {

    static VillageStreamerPairingResponse of(VillageStreamerPairing p) {
        return new VillageStreamerPairingResponse(p.getId(), p.getVillageId(), p.getStreamerId(), p.getAgreementNo(),
                p.getSignedDate(), p.getStartDate(), p.getEndDate(), Boolean.TRUE.equals(p.getPublicWelfare()),
                p.getCommissionBp(), p.getStatus(), p.getCreatedAt(), p.getUpdatedAt());
    }
}
