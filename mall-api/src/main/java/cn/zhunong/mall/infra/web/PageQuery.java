package cn.zhunong.mall.infra.web;

import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Pagination parameters ({@code page} from 1, {@code size} up to 100), validated at the edge. */
public record PageQuery(@Min(1) Integer page, @Min(1) @Max(100) Integer size) {

    public <T> Page<T> toPage() {
        return Page.of(page == null ? 1 : page, size == null ? 20 : size);
    }
}
