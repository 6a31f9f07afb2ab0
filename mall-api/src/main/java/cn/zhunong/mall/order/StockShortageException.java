package cn.zhunong.mall.order;

/** The database had fewer units than Redis thought: the order's transaction was rolled back. */
public class StockShortageException extends RuntimeException {

    private final long skuId;

    public StockShortageException(long skuId) {
        super("stock short on SKU " + skuId, null, false, false);
        this.skuId = skuId;
    }

    public long skuId() {
        return skuId;
    }
}
