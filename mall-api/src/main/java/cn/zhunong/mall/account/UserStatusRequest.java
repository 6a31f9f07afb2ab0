package cn.zhunong.mall.account;

import jakarta.validation.constraints.NotNull;

public record UserStatusRequest(@NotNull(message = "请指定是否启用") Boolean enabled) {
}
