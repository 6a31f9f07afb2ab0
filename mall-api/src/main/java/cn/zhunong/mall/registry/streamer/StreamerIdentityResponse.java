package cn.zhunong.mall.registry.streamer;

/** The full ID number, returned only by the audited reveal endpoint. */
public record StreamerIdentityResponse(long streamerId, String idNumber) {
}
