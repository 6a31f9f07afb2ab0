package cn.zhunong.mall.registry.household;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** Which full values to reveal and why; the purpose goes into the audit log. */
public record RevealRequest(
        @NotEmpty Set<@NotNull PiiField> fields,
        @NotBlank @Size(min = 2, max = 200) String purpose) {
}
