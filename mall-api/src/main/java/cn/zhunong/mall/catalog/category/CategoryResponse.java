package cn.zhunong.mall.catalog.category;

import java.util.List;

/** A category; in the public tree, top-level ones carry their {@code children}. */
public record CategoryResponse(long id, Long parentId, String name, int sortOrder, List<CategoryResponse> children) {

    static CategoryResponse of(Category c, List<CategoryResponse> children) {
        return new CategoryResponse(c.getId(), c.getParentId(), c.getName(), c.getSortOrder(), children);
    }
}
