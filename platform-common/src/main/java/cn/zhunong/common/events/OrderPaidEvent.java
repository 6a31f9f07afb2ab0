package cn.zhunong.common.events;

/**
 * The contract of the ORDER_PAID event on the platform stream ({@link #STREAM}): mall-api writes it
 * (outbox → relay), live-room reads it (purchase ticker, session metrics), the ledger reads it by
 * ids. Field names are defined here once so both sides agree; fields are only ever added.
 *
 * <pre>
 * { orderId, orderNo, userId, agencyId, totalFen, paidFen, campaignCode, liveSessionId, streamerId,
 *   groupBuyId, flashSaleId, alipayTradeNo, paidAt,
 *   buyerMaskedName: "张**"                 (never a phone or a full name)
 *   lines: [{ lineId, skuId, productId, productName, quantity, unitName: "斤", lineFen }] }
 * </pre>
 */
public final class OrderPaidEvent {

    /** The Redis Stream mall-api's outbox relay publishes to. */
    public static final String STREAM = "zhunong:events";
    public static final String TYPE = "ORDER_PAID";

    public static final String ORDER_ID = "orderId";
    public static final String USER_ID = "userId";
    public static final String PAID_FEN = "paidFen";
    public static final String LIVE_SESSION_ID = "liveSessionId";
    public static final String STREAMER_ID = "streamerId";
    public static final String FLASH_SALE_ID = "flashSaleId";
    public static final String BUYER_MASKED_NAME = "buyerMaskedName";
    public static final String LINES = "lines";

    // per line
    public static final String PRODUCT_NAME = "productName";
    public static final String QUANTITY = "quantity";
    /** the unit as people say it: 斤, 公斤, 件, 箱, 盒 */
    public static final String UNIT_NAME = "unitName";
    public static final String LINE_FEN = "lineFen";

    private OrderPaidEvent() {
    }
}
