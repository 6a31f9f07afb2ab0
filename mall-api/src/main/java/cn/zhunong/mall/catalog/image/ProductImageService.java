package cn.zhunong.mall.catalog.image;

import cn.zhunong.mall.catalog.CatalogChanges;
import cn.zhunong.mall.catalog.CatalogProperties;
import cn.zhunong.mall.catalog.CatalogTime;
import cn.zhunong.mall.catalog.product.ProductAccess;
import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.web.ApiException;
import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.multipart.MultipartFile;

/**
 * Listing images: the bytes go to the {@link ImageStorage} under a generated key, the listing keeps
 * a row per image. Only JPEG, PNG and WebP are accepted, recognised by their content.
 */
@Service
public class ProductImageService {

    private static final Logger log = LoggerFactory.getLogger(ProductImageService.class);

    private final ProductImageMapper images;
    private final ImageStorage storage;
    private final ProductAccess access;
    private final CatalogChanges changes;
    private final CatalogTime time;
    private final long maxBytes;
    private final int maxPerProduct;

    public ProductImageService(ProductImageMapper images, ImageStorage storage, ProductAccess access,
            CatalogChanges changes, CatalogTime time, StorageProperties storageProperties,
            CatalogProperties catalogProperties) {
        this.images = images;
        this.storage = storage;
        this.access = access;
        this.changes = changes;
        this.time = time;
        this.maxBytes = storageProperties.maxImageBytes();
        this.maxPerProduct = catalogProperties.maxImagesPerProduct();
    }

    @Transactional
    public ImageResponse upload(CurrentUser user, long productId, MultipartFile file) {
        access.lockWritable(user, productId);
        if (file == null || file.isEmpty()) {
            throw unsupported();
        }
        if (file.getSize() > maxBytes) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "IMAGE_TOO_LARGE", "图片不能超过 " + maxBytes / 1024 + " KB");
        }
        byte[] content = read(file);
        ImageType type = ImageType.detect(content).orElseThrow(ProductImageService::unsupported);
        List<ProductImage> existing = of(productId);
        if (existing.size() >= maxPerProduct) {
            throw ApiException.conflict("TOO_MANY_IMAGES", "每个商品最多 " + maxPerProduct + " 张图片");
        }
        String key = storage.store(content, type);
        afterRollback(() -> storage.delete(key));
        ProductImage image = new ProductImage();
        image.setProductId(productId);
        image.setStorageKey(key);
        image.setContentType(type.contentType());
        image.setSizeBytes(content.length);
        image.setSortOrder(existing.stream().mapToInt(ProductImage::getSortOrder).max().orElse(0) + 1);
        image.setCreatedAt(time.now());
        images.insert(image);
        changes.shownChanged(productId);
        return ImageResponse.of(image);
    }

    @Transactional
    public void delete(CurrentUser user, long productId, long imageId) {
        access.lockWritable(user, productId);
        ProductImage image = images.selectById(imageId);
        if (image == null || !image.getProductId().equals(productId)) {
            throw ApiException.notFound("IMAGE_NOT_FOUND", "图片不存在");
        }
        images.deleteById(imageId);
        changes.shownChanged(productId);
        afterCommit(() -> storage.delete(image.getStorageKey()));
    }

    /** The product's images in display order. */
    public List<ProductImage> of(long productId) {
        return images.selectList(new LambdaQueryWrapper<ProductImage>().eq(ProductImage::getProductId, productId)
                .orderByAsc(ProductImage::getSortOrder, ProductImage::getId));
    }

    private static byte[] read(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ApiException unsupported() {
        return ApiException.badRequest("UNSUPPORTED_IMAGE", "只接受 JPEG、PNG 或 WebP 格式的图片");
    }

    private static void afterRollback(Runnable action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    quietly(action);
                }
            }
        });
    }

    private static void afterCommit(Runnable action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                quietly(action);
            }
        });
    }

    private static void quietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            log.warn("Image file clean-up failed: {}", e.toString());
        }
    }
}
