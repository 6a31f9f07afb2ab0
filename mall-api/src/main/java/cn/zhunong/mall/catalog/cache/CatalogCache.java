package cn.zhunong.mall.catalog.cache;

import cn.zhunong.mall.catalog.CatalogProperties;
import cn.zhunong.mall.infra.crypto.Sha256;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Storefront reads cached in Redis as JSON, with explicit invalidation.
 * <ul>
 *   <li>a product's detail lives under {@code catalog:product:<id>} and is deleted whenever the
 *       product or anything shown with it changes;</li>
 *   <li>list pages (and the category and tag lists) live under a key that contains the current
 *       value of the {@code catalog:list-version} counter; any catalog change bumps the counter,
 *       so every cached list is abandoned at once and simply expires.</li>
 * </ul>
 * Invalidation runs right away and again after the surrounding transaction commits, so a read that
 * raced the change cannot leave the old state cached for longer than that instant. Redis being
 * down never fails a read: it is then just a miss.
 */
@Component
public class CatalogCache {

    private static final Logger log = LoggerFactory.getLogger(CatalogCache.class);

    static final String DETAIL_PREFIX = "catalog:product:";
    static final String LIST_VERSION_KEY = "catalog:list-version";
    static final String LIST_PREFIX = "catalog:list:";

    private final StringRedisTemplate redis;
    private final ObjectMapper json;
    private final Duration ttl;

    public CatalogCache(StringRedisTemplate redis, ObjectMapper json, CatalogProperties properties) {
        this.redis = redis;
        this.json = json;
        this.ttl = properties.cacheTtl();
    }

    /**
     * The Redis key of the catalog's version: a counter bumped by every catalog change, right away
     * and again after its commit. Caches of catalog data compare against it.
     */
    public static String versionKey() {
        return LIST_VERSION_KEY;
    }

    public static String detailKey(long productId) {
        return DETAIL_PREFIX + productId;
    }

    /** The key of a cached list for the current list version; {@code query} must describe the list completely. */
    public String listKey(String query) {
        String version;
        try {
            version = Optional.ofNullable(redis.opsForValue().get(LIST_VERSION_KEY)).orElse("0");
        } catch (RuntimeException e) {
            log.warn("Catalog cache unavailable: {}", e.toString());
            return null;
        }
        return LIST_PREFIX + version + ":" + Sha256.hex(query);
    }

    /** The cached value, or the loaded one (then cached); {@code key} null means "do not cache". */
    public <T> T getOrLoad(String key, TypeReference<T> type, Supplier<T> loader) {
        if (key == null) {
            return loader.get();
        }
        Optional<T> cached = get(key, type);
        if (cached.isPresent()) {
            return cached.get();
        }
        T value = loader.get();
        if (value != null) {
            put(key, value);
        }
        return value;
    }

    public <T> Optional<T> get(String key, TypeReference<T> type) {
        try {
            String value = redis.opsForValue().get(key);
            return value == null ? Optional.empty() : Optional.of(json.readValue(value, type));
        } catch (RuntimeException e) {
            log.warn("Catalog cache read failed for {}: {}", key, e.toString());
            return Optional.empty();
        }
    }

    public void put(String key, Object value) {
        try {
            redis.opsForValue().set(key, json.writeValueAsString(value), ttl);
        } catch (RuntimeException e) {
            log.warn("Catalog cache write failed for {}: {}", key, e.toString());
        }
    }

    /** Forgets the products' details and every cached list, now and again after the current transaction commits. */
    public void productsChanged(Collection<Long> productIds) {
        List<String> keys = productIds.stream().distinct().map(CatalogCache::detailKey).toList();
        Runnable evict = () -> {
            delete(keys);
            bumpListVersion();
        };
        evict.run();
        afterCommit(evict);
    }

    /** Abandons every cached list (categories, tags, product pages), now and after commit. */
    public void listsChanged() {
        bumpListVersion();
        afterCommit(this::bumpListVersion);
    }

    private void delete(List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        try {
            redis.delete(keys);
        } catch (RuntimeException e) {
            log.error("Catalog cache eviction failed (entries stay until they expire): {}", e.toString());
        }
    }

    private void bumpListVersion() {
        try {
            redis.opsForValue().increment(LIST_VERSION_KEY);
        } catch (RuntimeException e) {
            log.error("Catalog list version bump failed (lists stay until they expire): {}", e.toString());
        }
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        }
    }
}
