package cn.zhunong.mall.adoption;

import cn.zhunong.mall.infra.web.ApiException;
import org.springframework.http.HttpStatus;

/** The stable problem codes of 认购/认领. */
final class AdoptionErrors {

    private AdoptionErrors() {
    }

    static ApiException offerNotFound() {
        return ApiException.notFound("ADOPTION_OFFER_NOT_FOUND", "认购项目不存在");
    }

    static ApiException adoptionNotFound() {
        return ApiException.notFound("ADOPTION_NOT_FOUND", "认购记录不存在");
    }

    static ApiException villageNotFound() {
        return ApiException.notFound("VILLAGE_NOT_FOUND", "村庄不存在");
    }

    static ApiException householdNotInVillage() {
        return unprocessable("HOUSEHOLD_NOT_IN_VILLAGE", "该农户不属于所选村庄");
    }

    static ApiException skuMismatch() {
        return unprocessable("ADOPTION_SKU_MISMATCH", "承载认购的商品规格须属于本机构、处于在售状态，且收益归属于该农户");
    }

    static ApiException skuStockShort(int stock) {
        return unprocessable("ADOPTION_SKU_STOCK_SHORT", "承载认购的商品规格库存（" + stock + "）少于可认购份数");
    }

    static ApiException skuTaken() {
        return ApiException.conflict("ADOPTION_SKU_TAKEN", "该商品规格已用于另一个认购项目");
    }

    static ApiException harvestDatePast() {
        return unprocessable("HARVEST_DATE_PAST", "预计收获日期须晚于今天");
    }

    static ApiException offerNotOpen() {
        return ApiException.conflict("ADOPTION_OFFER_CLOSED", "认购项目已结束或已过收获日期");
    }

    static ApiException soldOut() {
        return ApiException.conflict("ADOPTION_SOLD_OUT", "可认购份数不足");
    }

    static ApiException notPaid() {
        return ApiException.conflict("ADOPTION_NOT_PAID", "认购订单尚未支付，不能登记交付");
    }

    static ApiException harvestNotDelivered() {
        return ApiException.conflict("ADOPTION_HARVEST_NOT_DELIVERED", "认购订单须待机构登记收获交付后才能发货或确认收货");
    }

    static ApiException deliveryDateFuture() {
        return unprocessable("DELIVERY_DATE_FUTURE", "交付日期不能晚于今天");
    }

    static ApiException unprocessable(String code, String message) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, code, message);
    }
}
