package cn.zhunong.mall.order;

import java.util.List;

/** The server's price of a checkout: lines at catalog prices, shipping, total. Never the client's numbers. */
public record PricedOrder(long agencyId, List<PricedLine> lines, long goodsFen, long shippingFen) {

    public long totalFen() {
        return goodsFen + shippingFen;
    }

    public record PricedLine(SkuOffer offer, int quantity, long lineFen) {
    }
}
