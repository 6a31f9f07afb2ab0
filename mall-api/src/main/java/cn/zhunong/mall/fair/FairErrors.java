package cn.zhunong.mall.fair;

import cn.zhunong.mall.infra.web.ApiException;
import org.springframework.http.HttpStatus;

/** The stable problem codes of 展销. */
final class FairErrors {

    private FairErrors() {
    }

    static ApiException fairNotFound() {
        return ApiException.notFound("FAIR_NOT_FOUND", "展销活动不存在");
    }

    static ApiException villageNotFound() {
        return ApiException.notFound("VILLAGE_NOT_FOUND", "村庄不存在");
    }

    static ApiException villagesOfSeveralAgencies() {
        return unprocessable("FAIR_VILLAGES_MIXED", "一场展销的村庄须属于同一机构");
    }

    static ApiException notStarted() {
        return ApiException.conflict("FAIR_NOT_STARTED", "展销尚未开始，不能登记销售");
    }

    static ApiException evidenceUnknown() {
        return unprocessable("FAIR_EVIDENCE_UNKNOWN", "凭证照片不存在或不属于本场展销");
    }

    static ApiException evidenceNotFound() {
        return ApiException.notFound("FAIR_EVIDENCE_NOT_FOUND", "凭证照片不存在");
    }

    static ApiException skuNotAllowed(long skuId) {
        return unprocessable("FAIR_SKU_NOT_ALLOWED", "商品规格 " + skuId + " 不存在、已下架，或不属于本场展销的机构和村庄");
    }

    static ApiException priceAboveList(long skuId) {
        return unprocessable("FAIR_PRICE_ABOVE_LIST", "商品规格 " + skuId + " 的成交价高于标价，请在 priceReason 中说明原因");
    }

    static ApiException saleClosed() {
        return ApiException.conflict("FAIR_SALE_CLOSED", "该笔销售的订单已关闭，请使用新的幂等键重新登记");
    }

    static ApiException unsupportedImage() {
        return ApiException.badRequest("UNSUPPORTED_IMAGE", "只接受 JPEG、PNG 或 WebP 格式的图片");
    }

    static ApiException imageTooLarge(long maxBytes) {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "IMAGE_TOO_LARGE", "图片不能超过 " + maxBytes / 1024 + " KB");
    }

    static ApiException unprocessable(String code, String message) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, code, message);
    }
}
