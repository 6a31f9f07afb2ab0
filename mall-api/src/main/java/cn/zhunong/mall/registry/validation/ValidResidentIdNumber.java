package cn.zhunong.mall.registry.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A 公民身份号码 that is valid once normalised ({@link ResidentIdNumber}): check character and a
 * birth date not in the future (Asia/Shanghai). Null is left to {@code @NotBlank}. The message never
 * echoes the value.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidResidentIdNumber.Validator.class)
public @interface ValidResidentIdNumber {

    String message() default "身份证号码无效（格式、出生日期或校验位不符）";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidResidentIdNumber, String> {

        private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

        private final Clock clock;

        /** Used outside Spring (plain Bean Validation). */
        public Validator() {
            this(Clock.systemUTC());
        }

        /** Spring builds validators through the bean factory, so the application's clock is used. */
        @Autowired
        public Validator(Clock clock) {
            this.clock = clock;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || ResidentIdNumber.isValid(ResidentIdNumber.normalise(value), LocalDate.now(clock.withZone(CHINA)));
        }
    }
}
