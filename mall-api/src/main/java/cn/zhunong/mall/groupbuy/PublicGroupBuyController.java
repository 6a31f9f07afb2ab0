package cn.zhunong.mall.groupbuy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "拼团（公开）")
@RestController
public class PublicGroupBuyController {

    private final GroupBuyActivityService activities;

    public PublicGroupBuyController(GroupBuyActivityService activities) {
        this.activities = activities;
    }

    @Operation(summary = "拼团活动及可参加的团（无个人信息，团长姓名脱敏）")
    @GetMapping("/api/v1/public/group-buy-activities/{id}")
    public PublicActivityView view(@PathVariable long id) {
        return activities.publicView(id);
    }
}
