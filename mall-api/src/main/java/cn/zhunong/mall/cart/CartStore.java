package cn.zhunong.mall.cart;

import cn.zhunong.mall.infra.web.ApiException;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * A buyer's cart in Redis: one hash per user, SKU id -> quantity. Only ids and quantities are kept;
 * names and prices are read from the catalog every time the cart is shown or checked out.
 */
@Component
public class CartStore {

    static final int MAX_SKUS = 50;
    private static final Duration TTL = Duration.ofDays(30);

    private final StringRedisTemplate redis;

    public CartStore(StringRedisTemplate redis) {
        this.redis = redis;
    }

    public Map<Long, Integer> items(long userId) {
        Map<Object, Object> raw = redis.opsForHash().entries(key(userId));
        Map<Long, Integer> items = new LinkedHashMap<>();
        raw.forEach((sku, qty) -> items.put(Long.parseLong(sku.toString()), Integer.parseInt(qty.toString())));
        return items;
    }

    public void put(long userId, long skuId, int quantity) {
        String key = key(userId);
        String field = Long.toString(skuId);
        if (!redis.opsForHash().hasKey(key, field) && redis.opsForHash().size(key) >= MAX_SKUS) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "CART_FULL", "购物车最多放 " + MAX_SKUS + " 种商品");
        }
        redis.opsForHash().put(key, field, Integer.toString(quantity));
        redis.expire(key, TTL);
    }

    public void remove(long userId, Collection<Long> skuIds) {
        if (!skuIds.isEmpty()) {
            redis.opsForHash().delete(key(userId), skuIds.stream().map(String::valueOf).toArray());
        }
    }

    public void clear(long userId) {
        redis.delete(key(userId));
    }

    private static String key(long userId) {
        return "zhunong:cart:" + userId;
    }
}
