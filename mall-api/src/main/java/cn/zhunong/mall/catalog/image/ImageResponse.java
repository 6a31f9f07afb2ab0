package cn.zhunong.mall.catalog.image;

/** A listing image; {@code url} is served publicly by GET /api/v1/images/{key}. */
public record ImageResponse(long id, String key, String url, String contentType, int sizeBytes, int sortOrder) {

    public static String urlOf(String key) {
        return "/api/v1/images/" + key;
    }

    public static ImageResponse of(ProductImage i) {
        return new ImageResponse(i.getId(), i.getStorageKey(), urlOf(i.getStorageKey()), i.getContentType(),
                i.getSizeBytes(), i.getSortOrder());
    }
}
