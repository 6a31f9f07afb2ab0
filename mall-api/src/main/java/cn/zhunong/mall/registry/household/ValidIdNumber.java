package cn.zhunong.mall.registry.household;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A valid 18-digit 公民身份号码 (check character and birth date); null is left to @NotBlank. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidIdNumberValidator.class)
public @interface ValidIdNumber {

    String message() default "身份证号无效（格式、出生日期或校验位不正确）";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
