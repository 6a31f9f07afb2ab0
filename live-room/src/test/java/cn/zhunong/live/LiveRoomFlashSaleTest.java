package cn.zhunong.live;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhunong.common.live.FlashSaleStock;
import cn.zhunong.live.support.JavaClient;
import cn.zhunong.live.support.LiveRoomTest;
import cn.zhunong.live.support.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * The host's flash sale (秒杀) as the room sees it. Units are taken here with the same shared Lua
 * script mall-api runs when a buyer orders (mall-api's LiveRoomPurchaseTest drives it through
 * POST /orders).
 */
class LiveRoomFlashSaleTest extends LiveRoomTest {

    @Test
    void onlyTheSessionsHostStartsASaleForAShelfSkuAndViewersFollowItToTheSellOut() throws Exception {
        long streamer = newId();
        long assistant = newId();
        long session = liveSession(streamer, assistant);
        long sku = shelfSku(session, "从江香猪", 5990, 30);
        long elsewhere = shelfSku(liveSession(newId()), "别场商品", 100, 30);
        FlashSaleStock stock = new FlashSaleStock(redis);
        try (JavaClient host = JavaClient.connect(socketUrl(), TestTokens.host(newId(), streamer, "阿妹"));
                JavaClient viewer = JavaClient.connect(socketUrl(), TestTokens.citizen(newId(), "小王"));
                JavaClient helper = JavaClient.connect(socketUrl(), TestTokens.citizen(assistant, "场控"));
                JavaClient admin = JavaClient.connect(socketUrl(), TestTokens.admin(newId()));
                JavaClient otherHost = JavaClient.connect(socketUrl(), TestTokens.host(newId(), newId(), "别的主播"))) {
            for (JavaClient client : List.of(host, viewer, helper, admin, otherHost)) {
                client.join(session);
            }
            // roles come from the token and the session, never from the payload
            assertThat(viewer.request("flash_start", start(session, sku, 10, 3990).put("role", "HOST")).getString("code"))
                    .isEqualTo("FORBIDDEN");
            for (JavaClient notHost : List.of(helper, admin, otherHost)) {
                assertThat(notHost.request("flash_start", start(session, sku, 10, 3990)).getString("code")).isEqualTo("FORBIDDEN");
            }
            assertThat(host.request("flash_start", start(session, elsewhere, 10, 50)).getString("code"))
                    .isEqualTo("FLASH_SALE_SKU_NOT_ON_SHELF");
            assertThat(host.request("flash_start", start(session, sku, 31, 3990)).getString("code"))
                    .isEqualTo("FLASH_SALE_STOCK_SHORT");
            assertThat(host.request("flash_start", start(session, sku, 10, 6000)).getString("code")).isEqualTo("INVALID_PAYLOAD");
            assertThat(host.request("flash_start", start(session, sku, 10, 3990).put("durationSeconds", 5)).getString("code"))
                    .isEqualTo("INVALID_PAYLOAD");

            JSONObject started = host.request("flash_start", start(session, sku, 10, 3990));
            assertThat(started.getBoolean("ok")).as(started.toString()).isTrue();
            String saleId = started.getString("flashSaleId");
            JSONObject announced = viewer.await("flash_sale");
            assertThat(announced.getString("flashSaleId")).isEqualTo(saleId);
            assertThat(announced.getString("productName")).isEqualTo("从江香猪");
            assertThat(announced.getString("unitName")).isEqualTo("斤");
            assertThat(announced.getLong("priceFen")).isEqualTo(3990);
            assertThat(announced.getLong("regularPriceFen")).isEqualTo(5990);
            assertThat(announced.getLong("units")).isEqualTo(10);
            assertThat(announced.getLong("perUserLimit")).isEqualTo(1);
            assertThat(announced.getLong("endsAt")).isGreaterThan(System.currentTimeMillis());
            assertThat(host.request("flash_start", start(session, sku, 5, 3990)).getString("code")).isEqualTo("FLASH_SALE_RUNNING");

            // 50 buyers at once on 10 units, as mall-api takes them: exactly 10 get one
            long id = Long.parseLong(saleId);
            List<FlashSaleStock.Outcome> outcomes = takeConcurrently(stock, id, 50);
            assertThat(outcomes.stream().filter(o -> o == FlashSaleStock.Outcome.TAKEN)).hasSize(10);
            assertThat(outcomes.stream().filter(o -> o == FlashSaleStock.Outcome.SOLD_OUT)).hasSize(40);
            assertThat(stock.remaining(id)).isZero();
            assertThat(viewer.await("flash_sale_sold_out").getString("flashSaleId")).isEqualTo(saleId);

            // a late joiner sees the sale; a unit given back (order closed unpaid) is announced
            try (JavaClient late = JavaClient.connect(socketUrl(), null)) {
                JSONObject joined = late.join(session);
                assertThat(joined.getJSONObject("flashSale").getLong("remaining")).isZero();
            }
            String winnersOrder = "order-of-buyer-" + (outcomes.indexOf(FlashSaleStock.Outcome.TAKEN) + 1);
            assertThat(stock.giveBack(id, winnersOrder)).isTrue();
            assertThat(stock.giveBack(id, winnersOrder)).isFalse();
            viewer.await("flash_sale_update", e -> e.getLong("remaining") == 1);

            JSONObject ended = host.request("flash_end", new JSONObject().put("sessionId", session).put("flashSaleId", saleId));
            assertThat(ended.getBoolean("ended")).isTrue();
            JSONObject over = viewer.await("flash_sale_ended");
            assertThat(over.getString("reason")).isEqualTo("HOST");
            assertThat(over.getLong("remaining")).isEqualTo(1);
            assertThat(stock.take(id, 999, 1, "late-order", System.currentTimeMillis()).outcome())
                    .isEqualTo(FlashSaleStock.Outcome.ENDED);
        }
    }

    @Test
    void aSaleNeedsTheSessionOnAir() {
        long streamer = newId();
        long session = liveSession(streamer);
        redis.opsForHash().put(cn.zhunong.live.room.RoomKeys.session(session), "status", "SCHEDULED");
        long sku = shelfSku(session, "预告商品", 1000, 10);
        try (JavaClient host = JavaClient.connect(socketUrl(), TestTokens.host(newId(), streamer, "阿妹"))) {
            host.join(session);
            assertThat(host.request("flash_start", start(session, sku, 5, 800)).getString("code")).isEqualTo("SESSION_NOT_LIVE");
        }
    }

    static JSONObject start(long session, long sku, int units, long priceFen) {
        return new JSONObject().put("sessionId", session).put("skuId", sku).put("units", units).put("priceFen", priceFen)
                .put("durationSeconds", 600);
    }

    /** Buyer i takes one unit under the token "order-of-buyer-i", all released at the same moment. */
    static List<FlashSaleStock.Outcome> takeConcurrently(FlashSaleStock stock, long saleId, int buyers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(buyers);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<FlashSaleStock.Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < buyers; i++) {
                long user = i + 1;
                futures.add(pool.submit(() -> {
                    go.await();
                    return stock.take(saleId, user, 1, "order-of-buyer-" + user, System.currentTimeMillis()).outcome();
                }));
            }
            go.countDown();
            List<FlashSaleStock.Outcome> outcomes = new ArrayList<>();
            for (Future<FlashSaleStock.Outcome> future : futures) {
                outcomes.add(future.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
