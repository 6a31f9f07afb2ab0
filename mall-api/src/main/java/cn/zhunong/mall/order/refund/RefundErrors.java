package cn.zhunong.mall.order.refund;

import cn.zhunong.mall.infra.web.ApiException;

final class RefundErrors {

    private RefundErrors() {
    }

    static ApiException notFound() {
        return ApiException.notFound("REFUND_NOT_FOUND", "退款申请不存在");
    }

    static ApiException stateConflict(RefundStatus current) {
        return ApiException.conflict("REFUND_STATE_CONFLICT", "退款申请当前状态为 " + current + "，不能执行此操作");
    }
}
