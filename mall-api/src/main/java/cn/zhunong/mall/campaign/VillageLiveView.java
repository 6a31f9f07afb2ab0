package cn.zhunong.mall.campaign;

import java.time.Instant;
import java.util.List;

/**
 * The public 村村播 家家富 page of a campaign: its pilot villages, the streamers paired with them
 * (active pairings, by display name only) and their live sessions. No personal data.
 */
public record VillageLiveView(String code, String name, String typeLabel, String approvedWording, Instant startsAt,
        Instant endsAt, List<PilotVillage> villages) {

    /**
     * @param listed  named by the campaign
     * @param flagged carries the 村村播 家家富 pilot flag during the campaign
     */
    public record PilotVillage(long id, String name, String countyName, String townshipName, boolean listed, boolean flagged,
            List<Streamer> streamers, List<Session> sessions) {
    }

    /** @param publicWelfare 公益 pairing (no commission) */
    public record Streamer(long id, String displayName, boolean publicWelfare) {
    }

    public record Session(long id, String title, String status, Instant scheduledStart, Instant scheduledEnd, Instant startedAt,
            Instant endedAt, long streamerId, String streamerDisplayName) {
    }
}
