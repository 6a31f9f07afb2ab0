package cn.zhunong.mall.catalog;

import cn.zhunong.mall.catalog.cache.CatalogCache;
import cn.zhunong.mall.catalog.search.ProductSearchIndexer;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The one place every catalog change is reported to, so that search and cache never miss one.
 * Call it inside the transaction that makes the change.
 */
@Component
public class CatalogChanges {

    private final ProductSearchIndexer indexer;
    private final CatalogCache cache;

    public CatalogChanges(ProductSearchIndexer indexer, CatalogCache cache) {
        this.indexer = indexer;
        this.cache = cache;
    }

    /** Something the products are found by changed (name, village, category, tags): re-index and invalidate. */
    public void searchableChanged(Collection<Long> productIds) {
        indexer.reindex(productIds);
        cache.productsChanged(productIds);
    }

    public void searchableChanged(long productId) {
        searchableChanged(List.of(productId));
    }

    /** Something shown with the products changed (SKUs, lots, certifications, images, shipping, status). */
    public void shownChanged(Collection<Long> productIds) {
        cache.productsChanged(productIds);
    }

    public void shownChanged(long productId) {
        shownChanged(List.of(productId));
    }

    /** A category or campaign tag list changed. */
    public void listsChanged() {
        cache.listsChanged();
    }
}
