package cn.zhunong.mall.cart;

import cn.zhunong.mall.infra.web.ApiException;
import cn.zhunong.mall.order.CatalogReader;
import cn.zhunong.mall.order.SkuOffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

@Service
public class CartService {

    private final CartStore store;
    private final CatalogReader catalog;

    public CartService(CartStore store, CatalogReader catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    public CartResponse view(long userId) {
        Map<Long, Integer> items = store.items(userId);
        Map<Long, SkuOffer> offers = catalog.offers(items.keySet());
        Map<Long, List<CartResponse.Line>> byAgency = new LinkedHashMap<>();
        items.forEach((skuId, quantity) -> {
            SkuOffer offer = offers.get(skuId);
            CartResponse.Line line = offer == null
                    ? new CartResponse.Line(skuId, null, null, null, null, null, quantity, null, false, false)
                    : new CartResponse.Line(skuId, offer.productId(), offer.productName(), offer.spec(), offer.unit(),
                            offer.priceFen(), quantity, offer.priceFen() * quantity, offer.buyable(), offer.stock() >= quantity);
            byAgency.computeIfAbsent(offer == null ? null : offer.agencyId(), a -> new ArrayList<>()).add(line);
        });
        List<CartResponse.Group> groups = new ArrayList<>();
        long total = 0;
        for (Map.Entry<Long, List<CartResponse.Line>> entry : byAgency.entrySet()) {
            long goods = entry.getValue().stream().filter(CartResponse.Line::buyable).mapToLong(CartResponse.Line::lineFen).sum();
            groups.add(new CartResponse.Group(entry.getKey(), entry.getValue(), goods));
            total += goods;
        }
        return new CartResponse(groups, total);
    }

    public CartResponse put(long userId, long skuId, int quantity) {
        SkuOffer offer = catalog.offers(List.of(skuId)).get(skuId);
        if (offer == null || !offer.buyable()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "SKU_UNAVAILABLE", "商品规格不存在或已下架: " + skuId);
        }
        if (quantity > offer.maxPerOrder()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "QUANTITY_EXCEEDS_LIMIT",
                    "该规格每单最多购买 " + offer.maxPerOrder() + " 件");
        }
        store.put(userId, skuId, quantity);
        return view(userId);
    }

    public CartResponse remove(long userId, long skuId) {
        store.remove(userId, List.of(skuId));
        return view(userId);
    }

    public void clear(long userId) {
        store.clear(userId);
    }
}
