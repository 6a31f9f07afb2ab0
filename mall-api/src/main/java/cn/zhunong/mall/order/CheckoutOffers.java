package cn.zhunong.mall.order;

import cn.zhunong.mall.catalog.cache.CatalogCache;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The offers checkout prices orders from (SKU, product, open source lots), kept in this JVM so
 * that placing an order does not join three tables every time.
 *
 * <p>Freshness without invalidation messages: every catalog change bumps the catalog version in
 * Redis ({@link CatalogCache#versionKey()}), right away and again after it commits. An offer
 * remembers the version that was current before it was read from the database, and checkout
 * learns the current version atomically with its stock reservation. When they differ, the order
 * is priced again from the database ({@link #reload}). So no order is priced from a catalog older
 * than a change committed before its stock was reserved, on any instance.
 *
 * <p>Open lots also shrink without a catalog change (units allocated at payment). The lots on an
 * order are a snapshot that the ledger re-checks at payment anyway; still, an offer is re-read
 * once it is older than {@code zhunong.orders.offer-max-age}.
 */
@Component
public class CheckoutOffers {

    /** Beyond this many SKUs the cache starts over (a bound on memory, not an eviction policy). */
    private static final int MAX_ENTRIES = 20_000;

    private final CatalogReader catalog;
    private final StringRedisTemplate redis;
    private final long maxAgeNanos;
    private final Map<Long, Entry> entries = new ConcurrentHashMap<>();

    public CheckoutOffers(CatalogReader catalog, StringRedisTemplate redis,
            @Value("${zhunong.orders.offer-max-age}") Duration maxAge) {
        this.catalog = catalog;
        this.redis = redis;
        this.maxAgeNanos = maxAge.toNanos();
    }

    private record Entry(SkuOffer offer, String version, long readAtNanos) {
    }

    /**
     * Offers of existing SKUs (absent ones are missing from the map) and the catalog version they
     * were read under (null: the catalog has had no change yet).
     */
    public record Snapshot(Map<Long, SkuOffer> offers, String version) {

        /** Whether an order priced from this snapshot must be priced again, given the current version. */
        public boolean staleAt(String currentVersion) {
            return !Objects.equals(version, currentVersion);
        }
    }

    /** The key whose value checkout reads with its reservation (see {@link Snapshot#staleAt}). */
    public static String versionKey() {
        return CatalogCache.versionKey();
    }

    /** From this JVM when every SKU is cached under one version and young enough; else from the database. */
    public Snapshot get(Collection<Long> skuIds) {
        long now = System.nanoTime();
        Map<Long, SkuOffer> offers = new TreeMap<>();
        String version = null;
        boolean first = true;
        for (Long skuId : skuIds) {
            Entry entry = entries.get(skuId);
            if (entry == null || now - entry.readAtNanos() > maxAgeNanos || (!first && !Objects.equals(version, entry.version()))) {
                return reload(skuIds);
            }
            offers.put(skuId, entry.offer());
            version = entry.version();
            first = false;
        }
        return new Snapshot(offers, version);
    }

    /** Reads the offers from the database and caches them under the version current before the read. */
    public Snapshot reload(Collection<Long> skuIds) {
        String version = redis.opsForValue().get(versionKey());
        Map<Long, SkuOffer> offers = catalog.offers(skuIds, true);
        long now = System.nanoTime();
        if (entries.size() + offers.size() > MAX_ENTRIES) {
            entries.clear();
        }
        Map<Long, SkuOffer> frozen = new TreeMap<>();
        offers.forEach((skuId, offer) -> {
            SkuOffer shared = offer.withLots(List.copyOf(offer.openLots()));
            frozen.put(skuId, shared);
            entries.put(skuId, new Entry(shared, version, now));
        });
        return new Snapshot(frozen, version);
    }
}
