package cn.zhunong.mall.order;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Where the parcel goes; snapshotted on the order (the phone encrypted, shown masked). */
public record ShippingAddress(
        @NotBlank @Size(max = 50) String name,
        @NotBlank @Pattern(regexp = "1[3-9]\\d{9}", message = "须为 11 位手机号") String phone,
        @NotBlank @Pattern(regexp = "1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|81|82", message = "须为 2 位省级行政区划代码")
        String provinceCode,
        @NotBlank @Size(max = 200) String detail) {
}
