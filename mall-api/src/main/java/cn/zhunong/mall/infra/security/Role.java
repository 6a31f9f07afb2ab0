package cn.zhunong.mall.infra.security;

public enum Role {
    CITIZEN,
    /** village host or streamer */
    HOST,
    /** bound to one agency */
    AGENCY_STAFF,
    PLATFORM_ADMIN
}
