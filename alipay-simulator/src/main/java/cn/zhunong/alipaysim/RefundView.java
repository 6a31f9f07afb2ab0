package cn.zhunong.alipaysim;

import java.time.Instant;

/** One successful refund of a trade. */
public record RefundView(String outRequestNo, long amountFen, String reason, Instant at) {
}
