package cn.zhunong.mall.fair;

import java.time.Instant;

/** An uploaded fair photo; {@code url} serves it to staff in scope only. */
public record EvidenceResponse(long id, long fairId, String contentType, int sizeBytes, String url, Instant createdAt) {

    static EvidenceResponse of(FairEvidence e) {
        return new EvidenceResponse(e.getId(), e.getFairId(), e.getContentType(), e.getSizeBytes(),
                "/api/v1/agency/fairs/" + e.getFairId() + "/evidence/" + e.getId(), e.getCreatedAt());
    }
}
