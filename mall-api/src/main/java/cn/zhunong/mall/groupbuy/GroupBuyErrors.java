package cn.zhunong.mall.groupbuy;

import cn.zhunong.mall.infra.web.ApiException;
import org.springframework.http.HttpStatus;

/** The stable problem codes of 拼团. */
final class GroupBuyErrors {

    private GroupBuyErrors() {
    }

    static ApiException activityNotFound() {
        return ApiException.notFound("GROUP_BUY_ACTIVITY_NOT_FOUND", "拼团活动不存在");
    }

    static ApiException groupNotFound() {
        return ApiException.notFound("GROUP_BUY_NOT_FOUND", "拼团不存在");
    }

    static ApiException activityNotOpen() {
        return ApiException.conflict("GROUP_BUY_ACTIVITY_NOT_OPEN", "拼团活动未开始、已结束或已取消");
    }

    static ApiException groupNotJoinable() {
        return ApiException.conflict("GROUP_BUY_NOT_JOINABLE", "该团已满员、已结束或已过期，请参加其他团或自己开团");
    }

    static ApiException alreadyInGroup() {
        return ApiException.conflict("GROUP_BUY_ALREADY_JOINED", "您已在该团中");
    }

    static ApiException limitReached(int limit) {
        return ApiException.conflict("GROUP_BUY_LIMIT_REACHED", "本活动每人限购 " + limit + " 件");
    }

    static ApiException notComplete() {
        return ApiException.conflict("GROUP_NOT_COMPLETE", "拼团尚未成团，订单暂不能发货");
    }

    static ApiException inProgress() {
        return ApiException.conflict("GROUP_BUY_IN_PROGRESS", "拼团进行中，暂不能申请退款；未成团将自动全额退款");
    }

    static ApiException unprocessable(String code, String message) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, code, message);
    }
}
