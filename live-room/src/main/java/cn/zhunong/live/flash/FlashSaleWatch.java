package cn.zhunong.live.flash;

/** What this node last told a room's local viewers about its latest flash sale (stats tick thread only). */
public final class FlashSaleWatch {

    final long saleId;
    /** the units remaining when last told; the sale's units at start (told by the flash_sale event) */
    long lastRemaining;
    boolean finished;

    FlashSaleWatch(long saleId, long units) {
        this.saleId = saleId;
        this.lastRemaining = units;
    }
}
