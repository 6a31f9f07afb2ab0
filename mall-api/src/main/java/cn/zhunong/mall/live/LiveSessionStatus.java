package cn.zhunong.mall.live;

import java.util.Set;

/** SCHEDULED → LIVE → ENDED, or SCHEDULED → CANCELLED. */
public enum LiveSessionStatus {
    SCHEDULED, LIVE, ENDED, CANCELLED;

    public Set<LiveSessionStatus> next() {
        return switch (this) {
            case SCHEDULED -> Set.of(LIVE, CANCELLED);
            case LIVE -> Set.of(ENDED);
            case ENDED, CANCELLED -> Set.of();
        };
    }
}
