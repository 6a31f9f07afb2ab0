package cn.zhunong.mall.live;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The whole shelf (小黄车) in display order; replaces the previous one. */
public record ShelfRequest(@NotNull @Size(max = 50) List<@NotNull @Positive Long> skuIds) {
}
