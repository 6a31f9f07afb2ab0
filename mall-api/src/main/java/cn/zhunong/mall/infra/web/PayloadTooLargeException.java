package cn.zhunong.mall.infra.web;

import java.io.IOException;

/** Raised while reading a request body that exceeds the configured limit. */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException(long limit) {
        super("请求体超过 " + limit + " 字节上限");
    }
}
