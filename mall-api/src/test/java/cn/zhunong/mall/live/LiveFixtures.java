package cn.zhunong.mall.live;

import cn.zhunong.mall.support.TestData;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

/** Streamers, pairings, products and SKUs for live-session tests, inserted with plain SQL. */
final class LiveFixtures {

    private final TestData data;

    LiveFixtures(TestData data) {
        this.data = data;
    }

    long streamer() {
        byte[] hash = new byte[32];
        new java.util.Random(TestData.next()).nextBytes(hash);
        return data.insert("INSERT INTO streamer (display_name, real_name, id_number_enc, id_number_hash, id_number_masked, birth_date, "
                + "real_name_verified, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)",
                "主播" + TestData.next(), "测试", new byte[40], hash, "4401**********0000", LocalDate.of(1995, 1, 1), now(), now());
    }

    long pairing(long villageId, long streamerId, String status) {
        return data.insert("INSERT INTO village_streamer_pairing (village_id, streamer_id, agreement_no, signed_date, start_date, "
                + "end_date, public_welfare, commission_bp, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, 0, ?, ?, ?)",
                villageId, streamerId, "T-" + TestData.next(), LocalDate.now().minusMonths(1), LocalDate.now().minusMonths(1),
                LocalDate.now().plusYears(1), status, now(), now());
    }

    long sku(long agencyId, long villageId, String productStatus) {
        long product = data.insert("INSERT INTO product (agency_id, village_id, name, status, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", agencyId, villageId, "百香果" + TestData.next(), productStatus, now(), now());
        return data.insert("INSERT INTO sku (product_id, spec, unit, report_milli_units, price_fen, stock, created_at, updated_at) "
                + "VALUES (?, '5斤装', 'BOX', 5000, 3990, 100, ?, ?)", product, now(), now());
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}
