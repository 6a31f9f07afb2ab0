package cn.zhunong.mall.catalog.category;

import cn.zhunong.mall.catalog.CatalogChanges;
import cn.zhunong.mall.catalog.CatalogTime;
import cn.zhunong.mall.catalog.cache.CatalogCache;
import cn.zhunong.mall.catalog.product.CatalogProductMapper;
import cn.zhunong.mall.catalog.product.Product;
import cn.zhunong.mall.infra.persistence.DuplicateKeys;
import cn.zhunong.mall.infra.web.ApiException;
import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;

/** Product categories, two levels deep, managed by platform admins and shown to everyone as a tree. */
@Service
public class CategoryService {

    private static final Comparator<Category> ORDER = Comparator.comparing(Category::getSortOrder).thenComparing(Category::getId);

    private final CategoryMapper categories;
    private final CatalogProductMapper products;
    private final CatalogChanges changes;
    private final CatalogCache cache;
    private final CatalogTime time;

    public CategoryService(CategoryMapper categories, CatalogProductMapper products, CatalogChanges changes,
            CatalogCache cache, CatalogTime time) {
        this.categories = categories;
        this.products = products;
        this.changes = changes;
        this.cache = cache;
        this.time = time;
    }

    @Transactional
    public CategoryResponse create(CategoryRequest request) {
        requireValidParent(request.parentId(), null);
        Category category = new Category();
        apply(category, request);
        category.setCreatedAt(time.now());
        save(() -> categories.insert(category));
        changes.listsChanged();
        return CategoryResponse.of(category, List.of());
    }

    @Transactional
    public CategoryResponse update(long id, CategoryRequest request) {
        Category category = require(id);
        requireValidParent(request.parentId(), category);
        apply(category, request);
        save(() -> categories.updateById(category));
        // the category's name and its parent's are part of what its products are found by
        changes.searchableChanged(productsUnder(id));
        changes.listsChanged();
        return CategoryResponse.of(category, List.of());
    }

    @Transactional
    public void delete(long id) {
        require(id);
        boolean hasChildren = categories.exists(new LambdaQueryWrapper<Category>().eq(Category::getParentId, id));
        boolean hasProducts = products.exists(new LambdaQueryWrapper<Product>().eq(Product::getCategoryId, id));
        if (hasChildren || hasProducts) {
            throw ApiException.conflict("CATEGORY_IN_USE", "该分类下仍有子分类或商品，不能删除");
        }
        categories.deleteById(id);
        changes.listsChanged();
    }

    /** The whole tree, top-level categories with their children, each level by sort order. */
    public List<CategoryResponse> tree() {
        return cache.getOrLoad(cache.listKey("categories"), new TypeReference<List<CategoryResponse>>() { }, this::loadTree);
    }

    /** The category if it exists; otherwise 400 UNKNOWN_CATEGORY (it is named in a request body). */
    public Category requireReferenced(long id) {
        Category category = categories.selectById(id);
        if (category == null) {
            throw ApiException.badRequest("UNKNOWN_CATEGORY", "商品分类不存在");
        }
        return category;
    }

    private List<CategoryResponse> loadTree() {
        List<Category> all = categories.selectList(null);
        Map<Long, List<Category>> children = all.stream().filter(c -> c.getParentId() != null)
                .collect(Collectors.groupingBy(Category::getParentId));
        return all.stream().filter(c -> c.getParentId() == null).sorted(ORDER)
                .map(top -> CategoryResponse.of(top, children.getOrDefault(top.getId(), List.of()).stream().sorted(ORDER)
                        .map(child -> CategoryResponse.of(child, List.of())).toList()))
                .toList();
    }

    private List<Long> productsUnder(long id) {
        List<Long> ids = new ArrayList<>(List.of(id));
        categories.selectList(new LambdaQueryWrapper<Category>().eq(Category::getParentId, id)).forEach(c -> ids.add(c.getId()));
        return products.selectList(new LambdaQueryWrapper<Product>().select(Product::getId).in(Product::getCategoryId, ids))
                .stream().map(Product::getId).toList();
    }

    private void requireValidParent(Long parentId, Category self) {
        if (parentId == null) {
            return;
        }
        if (self != null && Objects.equals(self.getId(), parentId)) {
            throw ApiException.badRequest("CATEGORY_TOO_DEEP", "分类不能以自己为上级");
        }
        Category parent = categories.selectById(parentId);
        if (parent == null) {
            throw ApiException.badRequest("UNKNOWN_CATEGORY", "上级分类不存在");
        }
        boolean selfHasChildren = self != null
                && categories.exists(new LambdaQueryWrapper<Category>().eq(Category::getParentId, self.getId()));
        if (parent.getParentId() != null || selfHasChildren) {
            throw ApiException.badRequest("CATEGORY_TOO_DEEP", "分类最多两级");
        }
    }

    private Category require(long id) {
        Category category = categories.selectById(id);
        if (category == null) {
            throw ApiException.notFound("CATEGORY_NOT_FOUND", "商品分类不存在");
        }
        return category;
    }

    private static void apply(Category category, CategoryRequest request) {
        category.setParentId(request.parentId());
        category.setName(request.name().strip());
        category.setSortOrder(request.sortOrder() == null ? 0 : request.sortOrder());
    }

    private static void save(Runnable write) {
        try {
            write.run();
        } catch (DuplicateKeyException e) {
            if (DuplicateKeys.violates(e, "uk_category_parent_key_name") || DuplicateKeys.violates(e, "uk_category_parent_name")) {
                throw ApiException.conflict("CATEGORY_NAME_EXISTS", "同一上级下已有同名分类");
            }
            throw e;
        }
    }
}
