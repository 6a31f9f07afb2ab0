package cn.zhunong.mall.order;

import java.util.List;

/** The server's price of a checkout before placing it (POST /orders/quote). */
public record QuoteResponse(long agencyId, List<Line> lines, long goodsFen, long shippingFen, long totalFen) {

    public record Line(long skuId, String productName, String skuSpec, String unit, long unitPriceFen, int quantity,
            long lineFen, boolean inStock) {
    }

    static QuoteResponse of(PricedOrder priced) {
        return new QuoteResponse(priced.agencyId(), priced.lines().stream()
                .map(l -> new Line(l.offer().skuId(), l.offer().productName(), l.offer().spec(), l.offer().unit(),
                        l.offer().priceFen(), l.quantity(), l.lineFen(), l.offer().stock() >= l.quantity()))
                .toList(), priced.goodsFen(), priced.shippingFen(), priced.totalFen());
    }
}
