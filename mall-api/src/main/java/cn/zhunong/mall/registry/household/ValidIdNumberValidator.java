package cn.zhunong.mall.registry.household;

import cn.zhunong.mall.registry.validation.ResidentIdNumber;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.LocalDate;
import java.time.ZoneId;

public class ValidIdNumberValidator implements ConstraintValidator<ValidIdNumber, String> {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || ResidentIdNumber.isValid(ResidentIdNumber.normalise(value), LocalDate.now(CHINA));
    }
}
