package cn.zhunong.mall.registry.streamer;

import jakarta.validation.constraints.NotNull;

/** Body of PUT /village-streamer-pairings/{id}/status. */
public record PairingStatusRequest(@NotNull PairingStatus status) {
}
