package cn.zhunong.mall.catalog.tag;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "活动标签（平台管理）")
@RestController
@RequestMapping("/api/v1/admin/campaign-tags")
@Secured("ROLE_PLATFORM_ADMIN")
public class AdminCampaignTagController {

    private final CampaignTagService service;

    public AdminCampaignTagController(CampaignTagService service) {
        this.service = service;
    }

    @Operation(summary = "新建活动标签")
    @PostMapping
    public ResponseEntity<CampaignTagResponse> create(@Valid @RequestBody CampaignTagRequest request) {
        CampaignTagResponse created = service.create(request);
        return ResponseEntity.created(URI.create("/api/v1/admin/campaign-tags/" + created.id())).body(created);
    }

    @Operation(summary = "修改活动标签")
    @PutMapping("/{id}")
    public CampaignTagResponse update(@PathVariable long id, @Valid @RequestBody CampaignTagRequest request) {
        return service.update(id, request);
    }

    @Operation(summary = "删除活动标签（同时从所有商品上移除）")
    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable long id) {
        service.delete(id);
        return ResponseEntity.noContent().build();
    }
}
