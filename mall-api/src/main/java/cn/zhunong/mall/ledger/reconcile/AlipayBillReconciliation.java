package cn.zhunong.mall.ledger.reconcile;

import cn.zhunong.mall.infra.web.ApiException;
import cn.zhunong.mall.ledger.reconcile.BillReconciliationReport.Item;
import cn.zhunong.mall.ledger.reconcile.BillReconciliationReport.LedgerDifference;
import cn.zhunong.mall.ledger.reconcile.BillReconciliationReport.Section;
import cn.zhunong.mall.ledger.reconcile.BillReconciliationReport.TradeQuery;
import cn.zhunong.mall.ledger.reconcile.bill.BillFormatException;
import cn.zhunong.mall.ledger.reconcile.bill.BillRow;
import cn.zhunong.mall.ledger.reconcile.bill.TradeBill;
import cn.zhunong.mall.ledger.reconcile.bill.TradeBillParser;
import cn.zhunong.mall.payment.AlipayBillGateway;
import cn.zhunong.mall.payment.AlipayGateway;
import cn.zhunong.mall.payment.AlipayProperties;
import cn.zhunong.mall.payment.AlipayUnavailableException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The Alipay trade bill of a day against the orders side's records: payments are orders paid that
 * day (orders.paid_at, Asia/Shanghai) with their paid_fen, refunds are refund rows SUCCEEDED that day
 * with their amount — of ALIPAY orders only: a bank-transfer or on-the-spot payment never reaches
 * Alipay's bill. A bill row whose order or refund we recorded on another day (a payment at
 * 23:59:59 confirmed after midnight) is looked up by its number and matched with a note, so only
 * real differences are reported.
 */
@Service
public class AlipayBillReconciliation implements ExternalBillReconciliation {

    private static final Logger log = LoggerFactory.getLogger(AlipayBillReconciliation.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final AlipayBillGateway bills;
    private final AlipayGateway alipay;
    private final AlipayProperties alipaySettings;
    private final BillReconciliationProperties properties;
    private final NamedParameterJdbcTemplate named;
    private final Clock clock;

    AlipayBillReconciliation(AlipayBillGateway bills, AlipayGateway alipay, AlipayProperties alipaySettings,
            BillReconciliationProperties properties, NamedParameterJdbcTemplate named, Clock clock) {
        this.bills = bills;
        this.alipay = alipay;
        this.alipaySettings = alipaySettings;
        this.properties = properties;
        this.named = named;
        this.clock = clock;
    }

    @Override
    public BillReconciliationReport reconcile(LocalDate day) {
        checkDay(day);
        byte[] file;
        try {
            file = bills.tradeBill(day);
        } catch (AlipayBillGateway.BillNotFoundException e) {
            throw ApiException.notFound("ALIPAY_BILL_NOT_FOUND", "支付宝尚无该日的交易账单");
        } catch (AlipayUnavailableException e) {
            log.warn("Alipay trade bill of {} could not be fetched: {}", day, e.getMessage());
            throw new ApiException(HttpStatus.BAD_GATEWAY, "ALIPAY_UNAVAILABLE", "暂时无法从支付宝获取账单，请稍后重试");
        }
        return reconcile(day, parse(file), "DOWNLOAD");
    }

    @Override
    public BillReconciliationReport reconcile(LocalDate day, byte[] billFile) {
        checkDay(day);
        return reconcile(day, parse(billFile), "UPLOAD");
    }

    private void checkDay(LocalDate day) {
        if (day == null) {
            throw ApiException.badRequest("BILL_DATE_REQUIRED", "请指定账单日期");
        }
        if (day.isAfter(LocalDate.now(clock.withZone(CHINA)))) {
            throw ApiException.badRequest("BILL_DATE_IN_FUTURE", "账单日期不能晚于今天");
        }
    }

    private static TradeBill parse(byte[] file) {
        try {
            return TradeBillParser.parse(file);
        } catch (BillFormatException e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "ALIPAY_BILL_MALFORMED", "账单格式不正确：" + e.getMessage());
        }
    }

    private BillReconciliationReport reconcile(LocalDate day, TradeBill bill, String source) {
        if (bill.account() != null && alipaySettings.sellerId() != null && !bill.account().startsWith(alipaySettings.sellerId())) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "ALIPAY_BILL_WRONG_ACCOUNT", "账单不属于本商户的支付宝账号");
        }
        if (bill.day() != null && !bill.day().equals(day)) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "ALIPAY_BILL_WRONG_DAY",
                    "账单日期（" + bill.day() + "）与所选日期不符");
        }
        Instant from = day.atStartOfDay(CHINA).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(CHINA).toInstant();
        AtomicInteger queries = new AtomicInteger();
        Section trades = trades(bill.trades(), from, to, queries);
        Section refunds = refunds(bill.refunds(), from, to, queries);
        List<LedgerDifference> ledger = new ArrayList<>(paymentsInLedger(trades));
        ledger.addAll(refundsInLedger(refunds));
        return new BillReconciliationReport(day, source, bill.account(),
                trades.clean() && refunds.clean() && ledger.isEmpty(), clock.instant(), trades, refunds, ledger);
    }

    private record OurPayment(long orderId, String orderNo, long paidFen, String tradeNo, Instant paidAt, String status) {
    }

    private Section trades(List<BillRow> rows, Instant from, Instant to, AtomicInteger queries) {
        Map<String, OurPayment> ours = new LinkedHashMap<>();
        named.query("SELECT id, order_no, paid_fen, alipay_trade_no, paid_at, status FROM orders "
                + "WHERE paid_at >= :from AND paid_at < :to AND payment_method = 'ALIPAY' ORDER BY paid_at, id",
                new MapSqlParameterSource("from", Timestamp.from(from)).addValue("to", Timestamp.from(to)),
                rs -> {
                    OurPayment p = payment(rs);
                    ours.put(p.orderNo(), p);
                });
        Map<String, OurPayment> elsewhere = paymentsByNumber(rows.stream().map(BillRow::outTradeNo)
                .filter(n -> !ours.containsKey(n)).collect(Collectors.toSet()));
        List<Item> matched = new ArrayList<>();
        List<Item> missingInternally = new ArrayList<>();
        List<Item> mismatches = new ArrayList<>();
        for (BillRow row : rows) {
            OurPayment our = ours.containsKey(row.outTradeNo()) ? ours.get(row.outTradeNo()) : elsewhere.get(row.outTradeNo());
            if (our == null || our.paidFen() == 0) {
                missingInternally.add(new Item(row.outTradeNo(), our == null ? null : our.orderId(), row.tradeNo(), null, null,
                        row.receivedFen(), our == null ? null : 0L, our == null ? "UNKNOWN_ORDER" : "NOT_PAID_HERE",
                        query(row.outTradeNo(), queries)));
                continue;
            }
            String note = our.paidAt() == null ? "PAID_AFTER_CLOSE"
                    : !ours.containsKey(row.outTradeNo()) ? "PAID_ON_OTHER_DAY"
                    : our.tradeNo() != null && !our.tradeNo().equals(row.tradeNo()) ? "TRADE_NO_DIFFERS" : null;
            Item item = new Item(row.outTradeNo(), our.orderId(), row.tradeNo(), null, null, row.receivedFen(), our.paidFen(),
                    note, null);
            (our.paidFen() == row.receivedFen() ? matched : mismatches).add(item);
        }
        Set<String> inBill = rows.stream().map(BillRow::outTradeNo).collect(Collectors.toSet());
        List<Item> missingInBill = new ArrayList<>();
        for (OurPayment our : ours.values()) {
            if (!inBill.contains(our.orderNo())) {
                missingInBill.add(new Item(our.orderNo(), our.orderId(), our.tradeNo(), null, null, null, our.paidFen(), null,
                        query(our.orderNo(), queries)));
            }
        }
        return new Section(rows.size(), rows.stream().mapToLong(BillRow::receivedFen).sum(), ours.size(),
                ours.values().stream().mapToLong(OurPayment::paidFen).sum(), matched, missingInternally, missingInBill,
                mismatches);
    }

    private Map<String, OurPayment> paymentsByNumber(Collection<String> orderNos) {
        Map<String, OurPayment> found = new HashMap<>();
        for (List<String> chunk : chunks(orderNos)) {
            named.query("SELECT id, order_no, paid_fen, alipay_trade_no, paid_at, status FROM orders WHERE order_no IN (:nos)",
                    new MapSqlParameterSource("nos", chunk), rs -> {
                        OurPayment p = payment(rs);
                        found.put(p.orderNo(), p);
                    });
        }
        return found;
    }

    private static OurPayment payment(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp paidAt = rs.getTimestamp(5);
        return new OurPayment(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                paidAt == null ? null : paidAt.toInstant(), rs.getString(6));
    }

    private record OurRefund(long refundId, String requestNo, long amountFen, String status, Instant refundedAt, long orderId,
            String orderNo, String tradeNo) {
    }

    private static final String REFUND_COLUMNS = "SELECT r.id, r.out_request_no, r.amount_fen, r.status, r.refunded_at, "
            + "o.id, o.order_no, o.alipay_trade_no FROM refund r JOIN orders o ON o.id = r.order_id ";

    private Section refunds(List<BillRow> rows, Instant from, Instant to, AtomicInteger queries) {
        Map<String, OurRefund> ours = new LinkedHashMap<>();
        named.query(REFUND_COLUMNS + "WHERE r.status = 'SUCCEEDED' AND r.refunded_at >= :from AND r.refunded_at < :to "
                + "AND o.payment_method = 'ALIPAY' ORDER BY r.refunded_at, r.id",
                new MapSqlParameterSource("from", Timestamp.from(from)).addValue("to", Timestamp.from(to)), rs -> {
                    OurRefund r = refund(rs);
                    ours.put(r.requestNo(), r);
                });
        Map<String, OurRefund> elsewhere = new HashMap<>();
        for (List<String> chunk : chunks(rows.stream().map(BillRow::requestNo).filter(n -> !ours.containsKey(n)).toList())) {
            named.query(REFUND_COLUMNS + "WHERE r.out_request_no IN (:nos)", new MapSqlParameterSource("nos", chunk), rs -> {
                OurRefund r = refund(rs);
                elsewhere.put(r.requestNo(), r);
            });
        }
        List<Item> matched = new ArrayList<>();
        List<Item> missingInternally = new ArrayList<>();
        List<Item> mismatches = new ArrayList<>();
        for (BillRow row : rows) {
            long billFen = -row.receivedFen();
            OurRefund our = ours.containsKey(row.requestNo()) ? ours.get(row.requestNo()) : elsewhere.get(row.requestNo());
            if (our == null || !"SUCCEEDED".equals(our.status())) {
                missingInternally.add(new Item(row.outTradeNo(), our == null ? null : our.orderId(), row.tradeNo(), row.requestNo(),
                        our == null ? null : our.refundId(), billFen, null,
                        our == null ? "UNKNOWN_REFUND" : "REFUND_" + our.status(), query(row.outTradeNo(), queries)));
                continue;
            }
            String note = ours.containsKey(row.requestNo()) ? null : "REFUNDED_ON_OTHER_DAY";
            Item item = new Item(row.outTradeNo(), our.orderId(), row.tradeNo(), row.requestNo(), our.refundId(), billFen,
                    our.amountFen(), note, null);
            (our.amountFen() == billFen ? matched : mismatches).add(item);
        }
        Set<String> inBill = rows.stream().map(BillRow::requestNo).collect(Collectors.toSet());
        List<Item> missingInBill = new ArrayList<>();
        for (OurRefund our : ours.values()) {
            if (!inBill.contains(our.requestNo())) {
                missingInBill.add(new Item(our.orderNo(), our.orderId(), our.tradeNo(), our.requestNo(), our.refundId(), null,
                        our.amountFen(), null, query(our.orderNo(), queries)));
            }
        }
        return new Section(rows.size(), rows.stream().mapToLong(r -> -r.receivedFen()).sum(), ours.size(),
                ours.values().stream().mapToLong(OurRefund::amountFen).sum(), matched, missingInternally, missingInBill,
                mismatches);
    }

    private static OurRefund refund(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp at = rs.getTimestamp(5);
        return new OurRefund(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), at == null ? null : at.toInstant(),
                rs.getLong(6), rs.getString(7), rs.getString(8));
    }

    /**
     * Payments both sides agree on, against the ledger's ORDER_PAID source events: an order paid
     * after it closed was never credited, and a group-buy order is posted only when its group
     * succeeds, so neither is expected.
     */
    private List<LedgerDifference> paymentsInLedger(Section trades) {
        Map<Long, Item> byOrder = new LinkedHashMap<>();
        for (Item item : trades.matched()) {
            if (!"PAID_AFTER_CLOSE".equals(item.note())) {
                byOrder.put(item.orderId(), item);
            }
        }
        List<LedgerDifference> differences = new ArrayList<>();
        for (List<Long> chunk : chunks(byOrder.keySet())) {
            named.query("SELECT o.id, o.goods_fen, o.group_buy_id, e.amount_fen FROM orders o LEFT JOIN ledger_source_event e "
                    + "ON e.event_key = CONCAT('order-paid:', o.id) WHERE o.id IN (:ids)", new MapSqlParameterSource("ids", chunk),
                    rs -> {
                        long goods = rs.getLong(2);
                        rs.getLong(3);
                        boolean group = !rs.wasNull();
                        long posted = rs.getLong(4);
                        Long ledgerFen = rs.wasNull() ? null : posted;
                        Item item = byOrder.get(rs.getLong(1));
                        if (ledgerFen == null && !group) {
                            differences.add(new LedgerDifference("PAYMENT", item.outTradeNo(), item.orderId(), null, null, goods,
                                    null, "LEDGER_NOT_POSTED"));
                        } else if (ledgerFen != null && ledgerFen != goods) {
                            differences.add(new LedgerDifference("PAYMENT", item.outTradeNo(), item.orderId(), null, null, goods,
                                    ledgerFen, "LEDGER_AMOUNT_DIFFERS"));
                        }
                    });
        }
        return differences;
    }

    /**
     * Refunds both sides agree on, against the ledger's REFUND source events: the goods part (at
     * most the line) is expected when the order was credited at all.
     */
    private List<LedgerDifference> refundsInLedger(Section refunds) {
        Map<Long, Item> byRefund = new LinkedHashMap<>();
        refunds.matched().forEach(item -> byRefund.put(item.refundId(), item));
        List<LedgerDifference> differences = new ArrayList<>();
        for (List<Long> chunk : chunks(byRefund.keySet())) {
            named.query("SELECT r.id, r.amount_fen, l.line_fen, e.amount_fen, p.id FROM refund r "
                    + "LEFT JOIN order_line l ON l.id = r.order_line_id "
                    + "LEFT JOIN ledger_source_event e ON e.event_key = CONCAT('refund:', r.id) "
                    + "LEFT JOIN ledger_source_event p ON p.event_key = CONCAT('order-paid:', r.order_id) "
                    + "WHERE r.id IN (:ids)", new MapSqlParameterSource("ids", chunk), rs -> {
                        long amount = rs.getLong(2);
                        long line = rs.getLong(3);
                        boolean noLine = rs.wasNull();
                        long posted = rs.getLong(4);
                        Long ledgerFen = rs.wasNull() ? null : posted;
                        rs.getLong(5);
                        boolean credited = !rs.wasNull();
                        if (noLine || !credited) {
                            return; // a late payment's refund, or an order the ledger never credited
                        }
                        long expected = Math.min(amount, line);
                        Item item = byRefund.get(rs.getLong(1));
                        if (ledgerFen == null || ledgerFen != expected) {
                            differences.add(new LedgerDifference("REFUND", item.outTradeNo(), item.orderId(), item.outRequestNo(),
                                    item.refundId(), expected, ledgerFen, ledgerFen == null ? "LEDGER_NOT_POSTED"
                                            : "LEDGER_AMOUNT_DIFFERS"));
                        }
                    });
        }
        return differences;
    }

    /** alipay.trade.query for a missing one, up to the configured number per report. */
    private TradeQuery query(String orderNo, AtomicInteger queries) {
        if (queries.incrementAndGet() > properties.maxTradeQueries()) {
            return new TradeQuery(false, null, null, null, "QUERY_LIMIT");
        }
        try {
            AlipayGateway.TradeState state = alipay.query(orderNo);
            return new TradeQuery(state.exists(), state.status() == null ? null : state.status().name(), state.tradeNo(),
                    state.totalFen(), null);
        } catch (AlipayUnavailableException e) {
            return new TradeQuery(false, null, null, null, "UNAVAILABLE");
        }
    }

    private static <T> List<List<T>> chunks(Collection<T> values) {
        List<List<T>> chunks = new ArrayList<>();
        List<T> all = new ArrayList<>(values);
        for (int i = 0; i < all.size(); i += 500) {
            chunks.add(all.subList(i, Math.min(all.size(), i + 500)));
        }
        return chunks;
    }
}
