package cn.zhunong.mall.ledger.payout;

import cn.zhunong.mall.infra.persistence.DuplicateKeys;
import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.web.ApiException;
import cn.zhunong.mall.infra.web.PageQuery;
import cn.zhunong.mall.infra.web.PageResult;
import cn.zhunong.mall.ledger.LedgerTx;
import cn.zhunong.mall.ledger.journal.AccountSpec;
import cn.zhunong.mall.ledger.journal.EntryType;
import cn.zhunong.mall.ledger.journal.JournalWriter;
import cn.zhunong.mall.ledger.journal.LedgerAccounts;
import cn.zhunong.mall.ledger.journal.NewEntry;
import cn.zhunong.mall.registry.scope.AgencyScope;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * 打款到户. A batch snapshots, per household of a village, the available income (the balance of
 * its available account, which already nets out refunds that came after an earlier payout) and
 * reserves the AVAILABLE allocations it covers. Staff then pay each household offline and record
 * it (method, reference → PAYOUT entry: debit available, credit paid), upload proof, and record
 * the household's receipt (CONFIRMED). Every transition is a compare-and-set on the item's status.
 */
@Service
public class PayoutService {

    private final JdbcTemplate jdbc;
    private final LedgerTx tx;
    private final JournalWriter journal;
    private final LedgerAccounts accounts;
    private final AgencyScope scope;
    private final ProofStorage storage;
    private final Clock clock;

    PayoutService(JdbcTemplate jdbc, LedgerTx tx, JournalWriter journal, LedgerAccounts accounts, AgencyScope scope,
            ProofStorage storage, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.journal = journal;
        this.accounts = accounts;
        this.scope = scope;
        this.storage = storage;
        this.clock = clock;
    }

    private record Village(long id, long agencyId, String name) {
    }

    private record Batch(long id, long agencyId, long villageId, String note, int itemCount, long totalFen, long createdBy,
            Instant createdAt) {
    }

    private record Item(long id, long batchId, long householdId, long amountFen, String status, String method,
            String reference, String proofKey, String proofContentType) {
    }

    private record Payable(long householdId, long amountFen) {
    }

    public PayoutBatchResponse create(CurrentUser user, CreatePayoutBatchRequest request, String requestKey) {
        ApiException notFound = ApiException.notFound("VILLAGE_NOT_FOUND", "村不存在");
        Village village = jdbc.query("SELECT id, agency_id, name FROM village WHERE id = ?",
                (rs, n) -> new Village(rs.getLong(1), rs.getLong(2), rs.getString(3)), request.villageId())
                .stream().findFirst().orElseThrow(() -> notFound);
        scope.requireWrite(user, village.agencyId(), notFound);
        if (requestKey != null) {
            Long existing = existingBatch(village.agencyId(), requestKey);
            if (existing != null) {
                return get(user, existing);
            }
        }
        long batchId;
        try {
            batchId = tx.run(attempt -> createBatch(user, village, request.note(), requestKey));
        } catch (DuplicateKeyException e) {
            if (requestKey != null && DuplicateKeys.violates(e, "uk_payout_batch_request")) {
                return get(user, existingBatch(village.agencyId(), requestKey));
            }
            throw e;
        }
        return get(user, batchId);
    }

    private Long existingBatch(long agencyId, String requestKey) {
        return jdbc.queryForList("SELECT id FROM payout_batch WHERE agency_id = ? AND request_key = ?", Long.class,
                agencyId, requestKey).stream().findFirst().orElse(null);
    }

    private long createBatch(CurrentUser user, Village village, String note, String requestKey) {
        // under the chain-head lock no posting is in flight, so balances and allocation statuses agree
        journal.lockHead();
        List<Payable> payables = jdbc.query("SELECT h.id, b.credit_total_fen - b.debit_total_fen FROM household h "
                + "JOIN ledger_account a ON a.household_id = h.id AND a.kind = 'HOUSEHOLD_AVAILABLE' "
                + "JOIN account_balance b ON b.account_id = a.id "
                + "WHERE h.village_id = ? AND b.credit_total_fen - b.debit_total_fen > 0 "
                + "AND NOT EXISTS (SELECT 1 FROM payout_item i WHERE i.household_id = h.id AND i.status = 'PENDING') "
                + "ORDER BY h.id", (rs, n) -> new Payable(rs.getLong(1), rs.getLong(2)), village.id());
        if (payables.isEmpty()) {
            throw ApiException.conflict("PAYOUT_NOTHING_TO_PAY", "该村暂无可打款的收入");
        }
        Timestamp now = Timestamp.from(clock.instant());
        long total = payables.stream().mapToLong(Payable::amountFen).sum();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("INSERT INTO payout_batch (agency_id, village_id, request_key, note, "
                    + "item_count, total_fen, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS);
            ps.setLong(1, village.agencyId());
            ps.setLong(2, village.id());
            ps.setString(3, requestKey);
            ps.setString(4, note);
            ps.setInt(5, payables.size());
            ps.setLong(6, total);
            ps.setLong(7, user.id());
            ps.setTimestamp(8, now);
            return ps;
        }, key);
        long batchId = key.getKey().longValue();
        List<Object[]> items = new ArrayList<>();
        payables.forEach(p -> items.add(new Object[] {batchId, p.householdId(), p.amountFen(), now}));
        jdbc.batchUpdate("INSERT INTO payout_item (batch_id, household_id, amount_fen, created_at) VALUES (?, ?, ?, ?)", items);
        jdbc.update("UPDATE ledger_allocation a JOIN payout_item i ON i.household_id = a.household_id AND i.batch_id = ? "
                + "SET a.payout_item_id = i.id WHERE a.status = 'AVAILABLE' AND a.payout_item_id IS NULL", batchId);
        return batchId;
    }

    public PayoutBatchResponse get(CurrentUser user, long batchId) {
        Batch batch = readableBatch(user, batchId);
        List<PayoutItemResponse> items = jdbc.query(ITEM_VIEW + "WHERE i.batch_id = ? ORDER BY i.id", ITEM_ROW, batchId);
        return response(batch, items);
    }

    public PageResult<PayoutBatchResponse> list(CurrentUser user, long villageId, PageQuery page) {
        ApiException notFound = ApiException.notFound("VILLAGE_NOT_FOUND", "村不存在");
        Long agency = jdbc.queryForList("SELECT agency_id FROM village WHERE id = ?", Long.class, villageId).stream()
                .findFirst().orElseThrow(() -> notFound);
        scope.requireRead(user, agency, notFound);
        int size = page.size() == null ? 20 : page.size();
        int number = page.page() == null ? 1 : page.page();
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM payout_batch WHERE village_id = ?", Long.class, villageId);
        List<PayoutBatchResponse> batches = jdbc.query(BATCH_COLUMNS + "WHERE village_id = ? ORDER BY id DESC LIMIT ? OFFSET ?",
                BATCH_ROW, villageId, size, (long) (number - 1) * size).stream().map(b -> response(b, List.of())).toList();
        return new PageResult<>(batches, number, size, total == null ? 0 : total);
    }

    public PayoutItemResponse markPaid(CurrentUser user, long batchId, long itemId, MarkPaidRequest request) {
        Batch batch = writableBatch(user, batchId);
        Item item = item(batch, itemId);
        tx.run(attempt -> {
            Timestamp now = Timestamp.from(clock.instant());
            int won = jdbc.update("UPDATE payout_item SET status = 'PAID_OUT', method = ?, reference = ?, paid_at = ?, paid_by = ? "
                    + "WHERE id = ? AND status = 'PENDING'", request.method().name(), request.reference(), now, user.id(), itemId);
            if (won == 0) {
                Item current = item(batch, itemId);
                boolean sameCall = request.method().name().equals(current.method()) && request.reference().equals(current.reference());
                if (!sameCall) {
                    throw ApiException.conflict("PAYOUT_ITEM_STATE_CONFLICT", "该笔打款已登记，不能重复登记");
                }
                return null; // the same request again: nothing more to do
            }
            jdbc.update("UPDATE ledger_allocation SET status = 'PAID_OUT' WHERE payout_item_id = ? AND status = 'AVAILABLE'", itemId);
            Map<String, Long> ids = accounts.require(Set.of(AccountSpec.available(item.householdId()),
                    AccountSpec.paid(item.householdId())));
            journal.append(NewEntry.builder("payout:" + itemId, EntryType.PAYOUT).payoutItem(itemId)
                    .debit(ids.get(AccountSpec.available(item.householdId()).code()), item.amountFen())
                    .credit(ids.get(AccountSpec.paid(item.householdId()).code()), item.amountFen())
                    .build());
            return null;
        });
        return itemView(itemId);
    }

    public PayoutItemResponse uploadProof(CurrentUser user, long batchId, long itemId, byte[] content) {
        Batch batch = writableBatch(user, batchId);
        item(batch, itemId);
        if (content == null || content.length == 0) {
            throw ApiException.badRequest("PROOF_EMPTY", "请上传打款凭证文件");
        }
        if (content.length > ProofType.MAX_BYTES) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "PROOF_TOO_LARGE", "凭证文件不能超过 5 MB");
        }
        ProofType type = ProofType.detect(content).orElseThrow(() -> new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "PROOF_TYPE_UNSUPPORTED", "凭证只支持 JPEG、PNG 或 PDF 文件"));
        String key = storage.store(content, type);
        jdbc.update("UPDATE payout_item SET proof_key = ?, proof_content_type = ? WHERE id = ?", key, type.contentType(), itemId);
        return itemView(itemId);
    }

    public record Proof(byte[] content, String contentType) {
    }

    public Proof proof(CurrentUser user, long batchId, long itemId) {
        Batch batch = readableBatch(user, batchId);
        Item item = item(batch, itemId);
        ApiException missing = ApiException.notFound("PROOF_NOT_FOUND", "尚未上传打款凭证");
        if (item.proofKey() == null) {
            throw missing;
        }
        return new Proof(storage.load(item.proofKey()).orElseThrow(() -> missing), item.proofContentType());
    }

    public PayoutItemResponse confirm(CurrentUser user, long batchId, long itemId, ConfirmReceiptRequest request) {
        Batch batch = writableBatch(user, batchId);
        Item item = item(batch, itemId);
        if (item.proofKey() == null) {
            throw ApiException.conflict("PAYOUT_PROOF_REQUIRED", "请先上传打款凭证（转账回单或签收单）");
        }
        tx.run(attempt -> {
            int won = jdbc.update("UPDATE payout_item SET status = 'CONFIRMED', confirmed_at = ?, confirmed_by = ?, confirm_note = ? "
                    + "WHERE id = ? AND status = 'PAID_OUT'", Timestamp.from(clock.instant()), user.id(),
                    request == null ? null : request.note(), itemId);
            if (won == 0) {
                String status = item(batch, itemId).status();
                if ("PENDING".equals(status)) {
                    throw ApiException.conflict("PAYOUT_ITEM_NOT_PAID", "尚未登记打款，不能确认到账");
                }
                return null; // already confirmed
            }
            jdbc.update("UPDATE ledger_allocation SET status = 'CONFIRMED' WHERE payout_item_id = ? AND status = 'PAID_OUT'", itemId);
            return null;
        });
        return itemView(itemId);
    }

    private Batch readableBatch(CurrentUser user, long batchId) {
        Batch batch = batch(batchId);
        scope.requireRead(user, batch.agencyId(), batchNotFound());
        return batch;
    }

    private Batch writableBatch(CurrentUser user, long batchId) {
        Batch batch = batch(batchId);
        scope.requireWrite(user, batch.agencyId(), batchNotFound());
        return batch;
    }

    private Batch batch(long batchId) {
        return jdbc.query(BATCH_COLUMNS + "WHERE id = ?", BATCH_ROW, batchId).stream().findFirst()
                .orElseThrow(PayoutService::batchNotFound);
    }

    private Item item(Batch batch, long itemId) {
        return jdbc.query("SELECT id, batch_id, household_id, amount_fen, status, method, reference, proof_key, proof_content_type "
                + "FROM payout_item WHERE id = ? AND batch_id = ?", (rs, n) -> new Item(rs.getLong(1), rs.getLong(2),
                rs.getLong(3), rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)),
                itemId, batch.id()).stream().findFirst()
                .orElseThrow(() -> ApiException.notFound("PAYOUT_ITEM_NOT_FOUND", "打款明细不存在"));
    }

    private PayoutItemResponse itemView(long itemId) {
        return jdbc.query(ITEM_VIEW + "WHERE i.id = ?", ITEM_ROW, itemId).get(0);
    }

    private PayoutBatchResponse response(Batch batch, List<PayoutItemResponse> items) {
        Map<String, Object> counts = jdbc.queryForMap("SELECT COALESCE(SUM(status IN ('PAID_OUT','CONFIRMED')), 0) AS paid, "
                + "COALESCE(SUM(status = 'CONFIRMED'), 0) AS confirmed FROM payout_item WHERE batch_id = ?", batch.id());
        String villageName = jdbc.queryForObject("SELECT name FROM village WHERE id = ?", String.class, batch.villageId());
        return new PayoutBatchResponse(batch.id(), batch.agencyId(), batch.villageId(), villageName, batch.note(),
                batch.itemCount(), batch.totalFen(), ((Number) counts.get("paid")).longValue(),
                ((Number) counts.get("confirmed")).longValue(), batch.createdBy(), batch.createdAt(), items);
    }

    private static ApiException batchNotFound() {
        return ApiException.notFound("PAYOUT_BATCH_NOT_FOUND", "打款批次不存在");
    }

    private static final String BATCH_COLUMNS = "SELECT id, agency_id, village_id, note, item_count, total_fen, created_by, "
            + "created_at FROM payout_batch ";
    private static final RowMapper<Batch> BATCH_ROW = (rs, n) -> new Batch(rs.getLong(1), rs.getLong(2), rs.getLong(3),
            rs.getString(4), rs.getInt(5), rs.getLong(6), rs.getLong(7), rs.getTimestamp(8).toInstant());

    private static final String ITEM_VIEW = "SELECT i.id, i.batch_id, i.household_id, h.head_name, h.bank_account_masked, "
            + "i.amount_fen, i.status, i.method, i.reference, i.proof_key IS NOT NULL, i.paid_at, i.confirmed_at, i.confirm_note "
            + "FROM payout_item i JOIN household h ON h.id = i.household_id ";
    private static final RowMapper<PayoutItemResponse> ITEM_ROW = PayoutService::itemRow;

    private static PayoutItemResponse itemRow(ResultSet rs, int n) throws SQLException {
        String method = rs.getString(8);
        return new PayoutItemResponse(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getLong(6), rs.getString(7), method == null ? null : PayoutMethod.valueOf(method), rs.getString(9),
                rs.getBoolean(10), instant(rs.getTimestamp(11)), instant(rs.getTimestamp(12)), rs.getString(13));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
