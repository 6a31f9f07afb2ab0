package cn.zhunong.mall.order;

import cn.zhunong.common.live.FlashSaleStock;
import cn.zhunong.common.live.FlashSaleStock.FlashSale;
import cn.zhunong.mall.infra.web.ApiException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Orders bought in an in-room flash sale (秒杀, started by the host in live-room). The order names
 * the sale in its attribution; the server then checks that the order is exactly the sale's SKU,
 * prices it at the sale price, attributes it to the sale's session and streamer, and takes the
 * units from the sale's Redis stock with the shared Lua script ({@link FlashSaleStock}) before the
 * SKU's own stock is reserved as for any order (so the database never oversells either). The units
 * go back to the sale when the order is not written, or is closed unpaid.
 */
@Component
public class FlashSaleOrders {

    private static final Logger log = LoggerFactory.getLogger(FlashSaleOrders.class);

    private final FlashSaleStock stock;

    public FlashSaleOrders(StringRedisTemplate redis) {
        this.stock = new FlashSaleStock(redis);
    }

    /** The sale the request names, checked against its items; null when it names none. */
    public FlashSale of(CreateOrderRequest request) {
        Long saleId = request.attribution() == null ? null : request.attribution().flashSaleId();
        if (saleId == null) {
            return null;
        }
        FlashSale sale = stock.find(saleId);
        if (sale == null) {
            throw ApiException.notFound("FLASH_SALE_NOT_FOUND", "秒杀活动不存在或已结束");
        }
        if (request.items().size() != 1 || request.items().get(0).skuId() == null
                || request.items().get(0).skuId() != sale.skuId()) {
            throw Checkout.unprocessable("FLASH_SALE_ITEM_MISMATCH", "秒杀订单只能购买该秒杀商品");
        }
        return sale;
    }

    /** The sale price replaces the catalog price of the sale's SKU. */
    public static Map<Long, Long> prices(FlashSale sale) {
        return sale == null ? Map.of() : Map.of(sale.skuId(), sale.priceFen());
    }

    /** Takes the units for the order (its number is the token a give-back names), or answers 409. */
    public void take(FlashSale sale, long userId, int quantity, String orderNo, long nowMillis) {
        FlashSaleStock.Take take = stock.take(sale.id(), userId, quantity, orderNo, nowMillis);
        switch (take.outcome()) {
            case TAKEN -> { }
            case SOLD_OUT -> throw ApiException.conflict("FLASH_SALE_SOLD_OUT", "手慢了，秒杀商品已抢光");
            case LIMIT_REACHED -> throw ApiException.conflict("FLASH_SALE_LIMIT_REACHED",
                    "本场秒杀每人限购 " + sale.perUserLimit() + " 件");
            case ENDED, NOT_FOUND -> throw ApiException.conflict("FLASH_SALE_ENDED", "秒杀活动已结束");
        }
    }

    /**
     * The order will not happen (not written, or closed unpaid): its units go back to the sale.
     * Never fails the caller: if Redis cannot be reached the unit stays taken (the sale sells one
     * fewer, it never oversells).
     */
    public void giveBack(Long saleId, String orderNo) {
        if (saleId == null) {
            return;
        }
        try {
            stock.giveBack(saleId, orderNo);
        } catch (RuntimeException e) {
            log.warn("Could not give order {}'s unit back to flash sale {}: {}", orderNo, saleId, e.toString());
        }
    }
}
