package cn.zhunong.mall.registry.household;

import cn.zhunong.mall.infra.crypto.Masking;
import cn.zhunong.mall.infra.crypto.PiiCipher;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Turns plain household data into stored rows: encrypts, hashes and masks each personal value,
 * and writes new households together with their first category-history rows. Callers provide
 * the transaction.
 */
@Component
class HouseholdStore {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final String FIRST_REASON = "登记";
    private static final int CHUNK = 500;
    private static final List<String> HOUSEHOLD_COLUMNS = List.of("village_id", "head_name", "category", "member_count",
            "id_number_enc", "id_number_hash", "id_number_masked", "bank_account_enc", "bank_account_hash",
            "bank_account_masked", "phone_enc", "phone_hash", "phone_masked", "consent_public", "public_alias",
            "created_at", "updated_at");
    private static final List<String> HISTORY_COLUMNS = List.of("household_id", "category", "effective_from", "reason",
            "changed_by", "created_at");

    private final HouseholdMapper households;
    private final HouseholdCategoryHistoryMapper history;
    private final PiiCipher cipher;
    private final Clock clock;
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    HouseholdStore(HouseholdMapper households, HouseholdCategoryHistoryMapper history, PiiCipher cipher, Clock clock,
            NamedParameterJdbcTemplate named) {
        this.households = households;
        this.history = history;
        this.cipher = cipher;
        this.clock = clock;
        this.named = named;
        this.jdbc = named.getJdbcTemplate();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    byte[] idNumberHash(String normalisedId) {
        return cipher.hash(normalisedId);
    }

    /** Inserts the household and its first history row; a duplicate ID number raises DuplicateKeyException. */
    Household insert(NewHousehold n, VillageRef village, long userId) {
        Instant now = now();
        Household h = newRow(n, village, now);
        households.insert(h);
        appendHistory(h.getId(), n.category(), today(), FIRST_REASON, userId, now);
        return h;
    }

    /**
     * Inserts many households and their first history rows with multi-row statements (500 rows
     * each), for imports. All-or-nothing within the caller's transaction: a duplicate ID number
     * anywhere raises DuplicateKeyException and the caller rolls back.
     */
    void insertAll(List<Household> rows, long userId) {
        LocalDate today = today();
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<Household> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            List<Object> args = new ArrayList<>(chunk.size() * HOUSEHOLD_COLUMNS.size());
            for (Household h : chunk) {
                args.addAll(Arrays.asList(h.getVillageId(), h.getHeadName(), h.getCategory().name(), h.getMemberCount(),
                        h.getIdNumberEnc(), h.getIdNumberHash(), h.getIdNumberMasked(),
                        h.getBankAccountEnc(), h.getBankAccountHash(), h.getBankAccountMasked(),
                        h.getPhoneEnc(), h.getPhoneHash(), h.getPhoneMasked(),
                        h.getConsentPublic(), h.getPublicAlias(),
                        Timestamp.from(h.getCreatedAt()), Timestamp.from(h.getUpdatedAt())));
            }
            jdbc.update(multiRowInsert("household", HOUSEHOLD_COLUMNS, chunk.size()), args.toArray());

            // the ids of the rows just written, found by their unique hash (visible inside this transaction)
            Map<String, Long> ids = new HashMap<>();
            HexFormat hex = HexFormat.of();
            List<byte[]> hashes = chunk.stream().map(Household::getIdNumberHash).toList();
            named.query("SELECT id, id_number_hash FROM household WHERE id_number_hash IN (:hashes)",
                    Map.of("hashes", hashes), rs -> {
                        ids.put(hex.formatHex(rs.getBytes(2)), rs.getLong(1));
                    });
            List<Object> historyArgs = new ArrayList<>(chunk.size() * HISTORY_COLUMNS.size());
            for (Household h : chunk) {
                h.setId(ids.get(hex.formatHex(h.getIdNumberHash())));
                historyArgs.addAll(Arrays.asList(h.getId(), h.getCategory().name(), today, FIRST_REASON, userId,
                        Timestamp.from(h.getCreatedAt())));
            }
            jdbc.update(multiRowInsert("household_category_history", HISTORY_COLUMNS, chunk.size()), historyArgs.toArray());
        }
    }

    /** Builds the stored row: ciphertext, keyed hash and mask of each personal value, and the alias. */
    Household newRow(NewHousehold n, VillageRef village, Instant now) {
        Household h = new Household();
        h.setVillageId(village.id());
        h.setHeadName(n.headName());
        h.setCategory(n.category());
        h.setMemberCount(n.memberCount());
        h.setIdNumberEnc(cipher.encrypt(n.idNumber()));
        h.setIdNumberHash(cipher.hash(n.idNumber()));
        h.setIdNumberMasked(Masking.idNumber(n.idNumber()));
        setBankAccount(h, n.bankAccount());
        setPhone(h, n.phone());
        h.setConsentPublic(n.consentPublic());
        h.setPublicAlias(HouseholdRules.aliasFor(n.consentPublic(), n.publicAlias(), village.name(), n.headName()));
        h.setCreatedAt(now);
        h.setUpdatedAt(now);
        return h;
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    void appendHistory(long householdId, HouseholdCategory category, LocalDate effectiveFrom, String reason,
            long userId, Instant now) {
        HouseholdCategoryChange change = new HouseholdCategoryChange();
        change.setHouseholdId(householdId);
        change.setCategory(category);
        change.setEffectiveFrom(effectiveFrom);
        change.setReason(reason);
        change.setChangedBy(userId);
        change.setCreatedAt(now);
        history.insert(change);
    }

    /** Sets or (with null) clears the bank account's ciphertext, hash and mask together. */
    void setBankAccount(Household h, String account) {
        h.setBankAccountEnc(account == null ? null : cipher.encrypt(account));
        h.setBankAccountHash(account == null ? null : cipher.hash(account));
        h.setBankAccountMasked(account == null ? null : Masking.bankAccount(account));
    }

    void setPhone(Household h, String phone) {
        h.setPhoneEnc(phone == null ? null : cipher.encrypt(phone));
        h.setPhoneHash(phone == null ? null : cipher.hash(phone));
        h.setPhoneMasked(phone == null ? null : Masking.phone(phone));
    }

    private static String multiRowInsert(String table, List<String> columns, int rows) {
        String row = "(" + String.join(",", java.util.Collections.nCopies(columns.size(), "?")) + ")";
        return "INSERT INTO " + table + " (" + String.join(",", columns) + ") VALUES "
                + String.join(",", java.util.Collections.nCopies(rows, row));
    }

    String decrypt(byte[] stored) {
        return stored == null ? null : cipher.decrypt(stored);
    }
}
