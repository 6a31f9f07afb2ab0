package cn.zhunong.mall.account;

import jakarta.validation.constraints.NotNull;

public record PiiPermissionRequest(@NotNull(message = "请指定是否授权") Boolean canViewPii) {
}
