package cn.zhunong.live.flash;

import cn.zhunong.common.live.FlashSaleStock;
import cn.zhunong.common.live.FlashSaleStock.FlashSale;
import cn.zhunong.live.fanout.BusMessage;
import cn.zhunong.live.fanout.ClusterBus;
import cn.zhunong.live.fanout.PacketCodec;
import cn.zhunong.live.room.Connection;
import cn.zhunong.live.room.LiveError;
import cn.zhunong.live.room.LocalRoom;
import cn.zhunong.live.room.LocalRooms;
import cn.zhunong.live.room.Payload;
import cn.zhunong.live.room.RoomRole;
import cn.zhunong.live.room.SessionEvents;
import cn.zhunong.live.room.SessionInfo;
import cn.zhunong.live.stats.NodeIdentity;
import cn.zhunong.live.store.RoomEvent;
import cn.zhunong.live.store.RoomEventWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;

/**
 * In-room flash sales (秒杀). The host starts one ({@code flash_start}) for a SKU on the session's
 * shelf: N units at a price for a duration, at most {@code perUserLimit} (default 1) per buyer. The
 * stock lives in Redis ({@link FlashSaleStock}, shared with mall-api, which takes units when buyers
 * order); live-room never takes units itself.
 *
 * <p>Viewers get {@code flash_sale} when it starts (through the room's channel, on every node), and
 * from each node's stats tick — at most once a second, from Redis, so every node tells its own
 * viewers — {@code flash_sale_update} {remaining} when the remaining units changed,
 * {@code flash_sale_sold_out} when they reach 0 and {@code flash_sale_ended} when the time is up or
 * the host ended it ({@code flash_end}).
 */
@Service
public class FlashSales {

    static final int MAX_UNITS = 100_000;
    private static final String LIVE = "LIVE";
    static final int MIN_SECONDS = 10;
    static final int MAX_SECONDS = 3600;

    private final FlashSaleStock stock;
    private final LocalRooms rooms;
    private final JdbcTemplate jdbc;
    private final RoomEventWriter writer;
    private final ClusterBus bus;
    private final PacketCodec codec;
    private final NodeIdentity node;
    private final ObjectMapper json;

    public FlashSales(StringRedisTemplate redis, LocalRooms rooms, JdbcTemplate jdbc, RoomEventWriter writer, ClusterBus bus,
            PacketCodec codec, NodeIdentity node, ObjectMapper json) {
        this.stock = new FlashSaleStock(redis);
        this.rooms = rooms;
        this.jdbc = jdbc;
        this.writer = writer;
        this.bus = bus;
        this.codec = codec;
        this.node = node;
        this.json = json;
    }

    /** {sessionId, skuId, units, priceFen, durationSeconds, perUserLimit?} from the host. */
    public Map<String, Object> start(Connection connection, Payload payload) {
        long sessionId = payload.sessionId();
        RoomRole role = connection.roleIn(sessionId);
        requireHost(role);
        SessionInfo session = openSession(sessionId);
        long skuId = payload.requiredId("skuId");
        int units = payload.optionalInt("units", 1, MAX_UNITS, 0);
        if (units == 0) {
            throw Payload.invalid("请填写秒杀数量 units");
        }
        Long price = payload.optionalLong("priceFen");
        if (price == null || price <= 0) {
            throw Payload.invalid("priceFen 必须是正整数（分）");
        }
        int seconds = payload.optionalInt("durationSeconds", MIN_SECONDS, MAX_SECONDS, 0);
        if (seconds == 0) {
            throw Payload.invalid("请填写秒杀时长 durationSeconds");
        }
        int perUser = payload.optionalInt("perUserLimit", 1, units, 1);
        ShelfSku sku = shelfSku(sessionId, skuId);
        if (sku == null) {
            throw new LiveError(FlashSaleErrors.NOT_ON_SHELF, "该商品不在本场直播的小黄车上");
        }
        if (!sku.onSale()) {
            throw new LiveError(FlashSaleErrors.NOT_ON_SHELF, "该商品已下架");
        }
        if (price > sku.priceFen()) {
            throw new LiveError(LiveError.INVALID_PAYLOAD, "秒杀价不能高于原价").with("priceFen", sku.priceFen());
        }
        if (units > sku.stock()) {
            throw new LiveError(FlashSaleErrors.STOCK_SHORT, "库存不足，最多 " + sku.stock() + " 件").with("stock", sku.stock());
        }
        long now = System.currentTimeMillis();
        FlashSale sale = new FlashSale(node.nextId(), sessionId, session.streamerId(), skuId, sku.productName(), sku.unitName(),
                price, sku.priceFen(), units, perUser, now, now + seconds * 1000L, FlashSaleStock.ACTIVE);
        long running = stock.create(sale, now);
        if (running != 0) {
            throw new LiveError(FlashSaleErrors.ALREADY_RUNNING, "上一场秒杀还在进行中").with("flashSaleId", Long.toString(running));
        }
        Map<String, Object> event = saleMap(sale, units);
        String eventJson = json.writeValueAsString(event);
        writer.offer(new RoomEvent(node.nextId(), sessionId, RoomEvent.FLASH_SALE, connection.viewer().userId(),
                connection.viewer().name(), role.name(), null, null, sku.productName(), null, eventJson, Instant.ofEpochMilli(now)));
        BusMessage message = bus.message(BusMessage.EVENT);
        bus.publish(sessionId, new BusMessage(message.origin(), BusMessage.EVENT, SessionEvents.FLASH_SALE, null, null, null,
                json.valueToTree(event)));
        return Map.of("flashSaleId", Long.toString(sale.id()), "endsAt", sale.endsAt());
    }

    /** {sessionId, flashSaleId} from the host: no unit is sold from now on. */
    public Map<String, Object> end(Connection connection, Payload payload) {
        long sessionId = payload.sessionId();
        requireHost(connection.roleIn(sessionId));
        long saleId = payload.requiredId("flashSaleId");
        FlashSale sale = stock.find(saleId);
        if (sale == null || sale.sessionId() != sessionId) {
            throw new LiveError(FlashSaleErrors.NOT_FOUND, "秒杀活动不存在");
        }
        boolean ended = stock.end(saleId, System.currentTimeMillis());
        return Map.of("flashSaleId", Long.toString(saleId), "ended", ended);
    }

    /** The running sale of a session with its remaining units, for a viewer who joins; null when none. */
    public Map<String, Object> current(long sessionId) {
        Long id = stock.latestId(sessionId);
        FlashSale sale = id == null ? null : stock.find(id);
        if (sale == null || !sale.runningAt(System.currentTimeMillis())) {
            return null;
        }
        return saleMap(sale, stock.remaining(sale.id()));
    }

    /**
     * One stats tick of a room on this node: tells local viewers what changed since the last tick.
     * Every node does it for its own viewers, so all viewers on all nodes hear of a sell-out, however
     * and wherever the last unit was taken.
     */
    public void tick(LocalRoom room, long now) {
        Long id = stock.latestId(room.sessionId());
        if (id == null) {
            return;
        }
        FlashSaleWatch watch = room.flashWatch;
        if (watch == null || watch.saleId != id) {
            FlashSale sale = stock.find(id);
            if (sale == null) {
                return;
            }
            watch = new FlashSaleWatch(id, sale.units());
            room.flashWatch = watch;
        }
        if (watch.finished) {
            return;
        }
        FlashSale sale = stock.find(id);
        if (sale == null) {
            return;
        }
        long remaining = stock.remaining(id);
        if (!sale.runningAt(now)) {
            watch.finished = true;
            String reason = FlashSaleStock.ENDED.equals(sale.status()) ? "HOST" : remaining == 0 ? "SOLD_OUT" : "TIME_UP";
            Map<String, Object> event = event(room.sessionId(), id, now);
            event.put("remaining", remaining);
            event.put("reason", reason);
            send(room, SessionEvents.FLASH_SALE_ENDED, event);
            if (stock.markOnce(id, "endRecordedAt", now)) {
                writer.offer(new RoomEvent(node.nextId(), room.sessionId(), RoomEvent.FLASH_SALE_END, null, null, "SYSTEM",
                        null, null, reason, null, json.writeValueAsString(event), Instant.ofEpochMilli(now)));
            }
            return;
        }
        if (remaining == watch.lastRemaining) {
            return;
        }
        watch.lastRemaining = remaining;
        Map<String, Object> event = event(room.sessionId(), id, now);
        event.put("remaining", remaining);
        send(room, remaining == 0 ? SessionEvents.FLASH_SALE_SOLD_OUT : SessionEvents.FLASH_SALE_UPDATE, event);
    }

    private void send(LocalRoom room, String name, Map<String, Object> event) {
        if (room.size() > 0) {
            rooms.broadcastLocal(room, codec.encode(name, event));
        }
    }

    private static Map<String, Object> event(long sessionId, long saleId, long now) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("sessionId", sessionId);
        event.put("flashSaleId", Long.toString(saleId));
        event.put("at", now);
        return event;
    }

    private static Map<String, Object> saleMap(FlashSale sale, long remaining) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("sessionId", sale.sessionId());
        map.put("flashSaleId", Long.toString(sale.id()));
        map.put("skuId", Long.toString(sale.skuId()));
        map.put("productName", sale.productName());
        map.put("unitName", sale.unitName());
        map.put("priceFen", sale.priceFen());
        map.put("regularPriceFen", sale.regularPriceFen());
        map.put("units", sale.units());
        map.put("remaining", remaining);
        map.put("perUserLimit", sale.perUserLimit());
        map.put("startsAt", sale.startsAt());
        map.put("endsAt", sale.endsAt());
        return map;
    }

    /** Flash sales set prices: the session's host only (not assistants, not admins). */
    private static void requireHost(RoomRole role) {
        if (role != RoomRole.HOST) {
            throw new LiveError(LiveError.FORBIDDEN, "只有本场主播可以发起秒杀");
        }
    }

    private SessionInfo openSession(long sessionId) {
        LocalRoom room = rooms.room(sessionId);
        if (room == null) {
            throw new LiveError(LiveError.NOT_IN_ROOM, "请先进入直播间");
        }
        SessionInfo info = room.info();
        if (info == null || info.ended()) {
            throw new LiveError(LiveError.SESSION_ENDED, "直播已结束");
        }
        if (info.streamerId() == null) {
            throw new LiveError(LiveError.FORBIDDEN, "直播间没有主播");
        }
        if (!LIVE.equals(info.status())) {
            throw new LiveError(FlashSaleErrors.NOT_LIVE, "直播开始后才能发起秒杀");
        }
        return info;
    }

    /** The SKU as the database has it now, if it is on the session's shelf (小黄车, set in mall-api). */
    private ShelfSku shelfSku(long sessionId, long skuId) {
        List<ShelfSku> rows = jdbc.query("""
                SELECT s.price_fen, s.stock, s.unit, s.status AS sku_status, p.name, p.status AS product_status
                FROM live_session_shelf l JOIN sku s ON s.id = l.sku_id JOIN product p ON p.id = s.product_id
                WHERE l.session_id = ? AND l.sku_id = ?""", (rs, i) -> new ShelfSku(rs.getString("name"),
                        unitName(rs.getString("unit")), rs.getLong("price_fen"), rs.getInt("stock"),
                        "ACTIVE".equals(rs.getString("sku_status")) && "ON_SALE".equals(rs.getString("product_status"))),
                sessionId, skuId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** The catalog's unit codes (sku.unit) as people say them. */
    static String unitName(String code) {
        return switch (code) {
            case "JIN" -> "斤";
            case "KG" -> "公斤";
            case "PIECE" -> "件";
            case "BOX" -> "箱";
            case "CASE" -> "盒";
            default -> code;
        };
    }

    private record ShelfSku(String productName, String unitName, long priceFen, int stock, boolean onSale) {
    }
}
