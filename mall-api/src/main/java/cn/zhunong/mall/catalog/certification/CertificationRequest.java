package cn.zhunong.mall.catalog.certification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Body of POST/PUT /agency/products/{id}/certifications; {@code validTo} is the last valid day. */
public record CertificationRequest(
        @NotNull CertificationType type,
        @NotBlank @Size(max = 64) String number,
        @NotBlank @Size(max = 100) String issuer,
        @NotNull LocalDate validFrom,
        @NotNull LocalDate validTo) {
}
