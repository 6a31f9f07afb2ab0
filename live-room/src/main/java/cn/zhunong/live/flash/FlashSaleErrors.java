package cn.zhunong.live.flash;

/** Refusal codes of the flash-sale events (besides the room's FORBIDDEN, INVALID_PAYLOAD, NOT_IN_ROOM, SESSION_ENDED). */
public final class FlashSaleErrors {

    /** the SKU is not on the session's shelf, or no longer on sale */
    public static final String NOT_ON_SHELF = "FLASH_SALE_SKU_NOT_ON_SHELF";
    /** more units than the SKU has in stock */
    public static final String STOCK_SHORT = "FLASH_SALE_STOCK_SHORT";
    /** the session's previous sale still runs (details: flashSaleId) */
    public static final String ALREADY_RUNNING = "FLASH_SALE_RUNNING";
    public static final String NOT_FOUND = "FLASH_SALE_NOT_FOUND";
    /** the session is not on air (scheduled, not started yet) */
    public static final String NOT_LIVE = "SESSION_NOT_LIVE";

    private FlashSaleErrors() {
    }
}
