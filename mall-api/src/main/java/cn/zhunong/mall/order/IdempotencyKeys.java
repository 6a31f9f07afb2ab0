package cn.zhunong.mall.order;

import cn.zhunong.mall.infra.web.ApiException;
import java.util.regex.Pattern;

/** The {@code Idempotency-Key} header of POST /orders: required, 8–64 characters of [A-Za-z0-9_-]. */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    private IdempotencyKeys() {
    }

    public static String require(String key) {
        if (key == null || key.isEmpty()) {
            throw ApiException.badRequest("IDEMPOTENCY_KEY_REQUIRED", "请在请求头 Idempotency-Key 中提供幂等键");
        }
        if (!VALID.matcher(key).matches()) {
            throw ApiException.badRequest("IDEMPOTENCY_KEY_INVALID", "Idempotency-Key 须为 8–64 位字母、数字、下划线或连字符");
        }
        return key;
    }
}
