package cn.zhunong.mall.ledger.reconcile.bill;

import java.time.Instant;

/**
 * One row of the trade bill's detail list.
 *
 * @param receivedFen 商家实收: positive for a payment, negative for a refund
 * @param requestNo   退款批次号/请求号: our out_request_no on refund rows, empty on payments
 */
public record BillRow(int line, Type type, String tradeNo, String outTradeNo, Instant finishedAt, long orderFen,
        long receivedFen, String requestNo) {

    public enum Type { TRADE, REFUND }
}
