package cn.zhunong.live.room;

/**
 * A user's role inside one room. A moderator may act only on users of a lower rank: assistants
 * cannot mute each other or the host, and nobody in the room can mute a platform admin.
 */
public enum RoomRole {
    VIEWER(0),
    ASSISTANT(1),
    HOST(2),
    ADMIN(3);

    private final int rank;

    RoomRole(int rank) {
        this.rank = rank;
    }

    public boolean canModerate() {
        return rank >= ASSISTANT.rank;
    }

    public boolean outranks(RoomRole other) {
        return rank > other.rank;
    }
}
