package cn.zhunong.live.room;

/**
 * The live session as mall-api publishes it in Redis ({@link RoomKeys#session}).
 *
 * @param status SCHEDULED, LIVE or ENDED
 */
public record SessionInfo(long sessionId, Long streamerId, String status) {

    public static final String ENDED = "ENDED";

    public boolean ended() {
        return ENDED.equals(status);
    }
}
