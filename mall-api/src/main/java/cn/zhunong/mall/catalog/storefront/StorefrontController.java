package cn.zhunong.mall.catalog.storefront;

import cn.zhunong.mall.catalog.category.CategoryResponse;
import cn.zhunong.mall.catalog.category.CategoryService;
import cn.zhunong.mall.catalog.tag.CampaignTagResponse;
import cn.zhunong.mall.catalog.tag.CampaignTagService;
import cn.zhunong.mall.infra.web.PageQuery;
import cn.zhunong.mall.infra.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public storefront: no login needed (see SecurityConfig). */
@Tag(name = "商城（公开）")
@RestController
@RequestMapping("/api/v1")
public class StorefrontController {

    private final StorefrontService storefront;
    private final CategoryService categories;
    private final CampaignTagService tags;

    public StorefrontController(StorefrontService storefront, CategoryService categories, CampaignTagService tags) {
        this.storefront = storefront;
        this.categories = categories;
        this.tags = tags;
    }

    @Operation(summary = "搜索在售商品（中文全文、村/县/分类/活动/价格筛选、销量/价格/上新排序）")
    @GetMapping("/products")
    public PageResult<ProductCard> search(@ParameterObject @Valid StorefrontQuery query, @ParameterObject @Valid PageQuery page) {
        return storefront.search(query, page);
    }

    @Operation(summary = "商品详情（规格、认证、图片、产地村及帮扶农户）")
    @GetMapping("/products/{id}")
    public ProductDetail detail(@PathVariable long id) {
        return storefront.detail(id);
    }

    @Operation(summary = "商品分类树")
    @GetMapping("/categories")
    public List<CategoryResponse> categories() {
        return categories.tree();
    }

    @Operation(summary = "活动标签")
    @GetMapping("/campaign-tags")
    public List<CampaignTagResponse> campaignTags() {
        return tags.list();
    }
}
