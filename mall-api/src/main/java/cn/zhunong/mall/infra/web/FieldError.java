package cn.zhunong.mall.infra.web;

/** One invalid input field in a VALIDATION_FAILED problem. */
public record FieldError(String field, String message) {
}
