package cn.zhunong.mall.catalog.image;

import cn.zhunong.mall.infra.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Tag(name = "商品图片（机构）")
@RestController
@RequestMapping("/api/v1/agency/products/{productId}/images")
@Secured({"ROLE_PLATFORM_ADMIN", "ROLE_AGENCY_STAFF"})
public class ProductImageController {

    private final ProductImageService service;

    public ProductImageController(ProductImageService service) {
        this.service = service;
    }

    @Operation(summary = "上传图片（multipart 字段 file；JPEG/PNG/WebP，不超过 2 MB）")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public ImageResponse upload(@AuthenticationPrincipal CurrentUser user, @PathVariable long productId,
            @RequestPart("file") MultipartFile file) {
        return service.upload(user, productId, file);
    }

    @Operation(summary = "删除图片")
    @DeleteMapping("/{imageId}")
    public ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long productId,
            @PathVariable long imageId) {
        service.delete(user, productId, imageId);
        return ResponseEntity.noContent().build();
    }
}
