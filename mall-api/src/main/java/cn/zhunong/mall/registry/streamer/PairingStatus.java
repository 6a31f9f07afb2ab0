package cn.zhunong.mall.registry.streamer;

import java.util.Map;
import java.util.Set;

/** Status of a village–streamer pairing: ACTIVE ↔ SUSPENDED, either → ENDED, and ENDED is final. */
public enum PairingStatus {
    ACTIVE,
    SUSPENDED,
    ENDED;

    private static final Map<PairingStatus, Set<PairingStatus>> NEXT = Map.of(
            ACTIVE, Set.of(SUSPENDED, ENDED),
            SUSPENDED, Set.of(ACTIVE, ENDED),
            ENDED, Set.of());

    public boolean canMoveTo(PairingStatus target) {
        return NEXT.get(this).contains(target);
    }
}
