package cn.zhunong.mall.live;

import java.time.Instant;
import java.util.List;

public record LiveSessionResponse(long id, long pairingId, long villageId, String villageName, long streamerId,
        String streamerName, String title, Instant scheduledStart, Instant scheduledEnd, LiveSessionStatus status,
        Instant startedAt, Instant endedAt, List<ShelfItem> shelf) {

    /** One shelf entry as viewers see it: live price and whether it can still be bought. */
    public record ShelfItem(int position, long skuId, long productId, String productName, String spec, long priceFen,
            boolean inStock) {
    }
}
