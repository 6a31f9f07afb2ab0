package cn.zhunong.mall.enterprise;

import cn.zhunong.mall.infra.web.ApiException;
import org.springframework.http.HttpStatus;

/** The stable problem codes of 企业团购. */
final class EnterpriseErrors {

    private EnterpriseErrors() {
    }

    static ApiException orgNotFound() {
        return ApiException.notFound("ENTERPRISE_ORG_NOT_FOUND", "单位不存在");
    }

    static ApiException purchaseNotFound() {
        return ApiException.notFound("ENTERPRISE_PURCHASE_NOT_FOUND", "团购单不存在");
    }

    static ApiException notPurchaser() {
        return ApiException.forbidden("NOT_ENTERPRISE_PURCHASER", "当前账号不是任何单位的采购人");
    }

    static ApiException skuNotFound() {
        return ApiException.notFound("SKU_NOT_FOUND", "商品规格不存在");
    }

    static ApiException stateConflict(PurchaseStatus status, String action) {
        return ApiException.conflict("ENTERPRISE_PURCHASE_STATE_CONFLICT", "团购单当前状态为 " + status + "，不能" + action);
    }

    static ApiException unprocessable(String code, String message) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, code, message);
    }
}
