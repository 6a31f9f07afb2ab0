package cn.zhunong.mall.catalog.product;

import cn.zhunong.mall.catalog.tag.CampaignTagRequest;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of PUT /agency/products/{id}/campaign-tags: the complete set of tag codes. */
public record ProductTagsRequest(
        @NotNull @Size(max = 10) List<@NotNull @Pattern(regexp = CampaignTagRequest.CODE, message = "活动标签代码格式不正确") String> codes) {
}
