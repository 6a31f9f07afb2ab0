package cn.zhunong.alipaysim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of one gateway answer: code/msg/sub_code/sub_msg plus the method's fields (String or Jackson nodes).
 */
record ApiResult(String code, String msg, String subCode, String subMsg, Map<String, Object> fields, boolean signed) {

    static final String SUCCESS = "10000";

    static ApiResult success(Map<String, Object> fields) {
        return new ApiResult(SUCCESS, "Success", null, null, fields, true);
    }

    /** 40004 Business Failed with an ACQ.* (or isp./isv.) sub_code, as the trade APIs answer. */
    static ApiResult business(String subCode, String subMsg) {
        return business(subCode, subMsg, new LinkedHashMap<>());
    }

    static ApiResult business(String subCode, String subMsg, Map<String, Object> fields) {
        return new ApiResult("40004", "Business Failed", subCode, subMsg, fields, true);
    }

    static ApiResult missing(String subCode, String subMsg) {
        return new ApiResult("40001", "Missing Required Arguments", subCode, subMsg, new LinkedHashMap<>(), true);
    }

    static ApiResult invalid(String subCode, String subMsg) {
        return new ApiResult("40002", "Invalid Arguments", subCode, subMsg, new LinkedHashMap<>(), true);
    }

    ApiResult unsigned() {
        return new ApiResult(code, msg, subCode, subMsg, fields, false);
    }

    boolean isSuccess() {
        return SUCCESS.equals(code);
    }
}
