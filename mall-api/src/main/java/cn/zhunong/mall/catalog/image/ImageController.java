package cn.zhunong.mall.catalog.image;

import cn.zhunong.mall.infra.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Serves listing images to everyone. A key never changes content, so browsers and CDNs may keep it for long. */
@Tag(name = "图片")
@RestController
@RequestMapping("/api/v1/images")
public class ImageController {

    private final ImageStorage storage;

    public ImageController(ImageStorage storage) {
        this.storage = storage;
    }

    @Operation(summary = "读取商品图片")
    @GetMapping("/{key}")
    public ResponseEntity<Resource> get(@PathVariable String key) {
        return storage.load(key)
                .map(resource -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(contentTypeOf(key)))
                        .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                        .body(resource))
                .orElseThrow(() -> ApiException.notFound("IMAGE_NOT_FOUND", "图片不存在"));
    }

    private static String contentTypeOf(String key) {
        return ImageType.ofExtension(key.substring(key.lastIndexOf('.') + 1)).map(ImageType::contentType)
                .orElse(MediaType.APPLICATION_OCTET_STREAM_VALUE);
    }
}
