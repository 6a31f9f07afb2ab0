package cn.zhunong.mall.ledger;

import cn.zhunong.mall.infra.persistence.DuplicateKeys;
import cn.zhunong.mall.infra.persistence.FixedSizeBatches;
import cn.zhunong.mall.ledger.LedgerLookups.SkuInfo;
import cn.zhunong.mall.ledger.SourceEventStore.SourceEvent;
import cn.zhunong.mall.ledger.allocation.AllocationPlanner;
import cn.zhunong.mall.ledger.allocation.LinePlan;
import cn.zhunong.mall.ledger.allocation.LotCursor;
import cn.zhunong.mall.ledger.allocation.LotStore;
import cn.zhunong.mall.ledger.allocation.PlannedAllocation;
import cn.zhunong.mall.ledger.journal.AccountSpec;
import cn.zhunong.mall.ledger.journal.EntryType;
import cn.zhunong.mall.ledger.journal.JournalWriter;
import cn.zhunong.mall.ledger.journal.LedgerAccounts;
import cn.zhunong.mall.ledger.journal.NewEntry;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Posts paid orders (one or many in one transaction): claims the events, allocates each line's
 * units to households, writes the ledger's order, line and allocation rows, and appends one
 * ORDER_PAID entry per order — debit the clearing account of its payment method with what was
 * paid, credit each household's pending income and the agency's revenue with the rest.
 */
@Component
class OrderPaidPosting {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final SourceEventStore events;
    private final LedgerLookups lookups;
    private final LotStore lots;
    private final LedgerAccounts accounts;
    private final JournalWriter journal;
    private final JdbcTemplate jdbc;

    OrderPaidPosting(SourceEventStore events, LedgerLookups lookups, LotStore lots, LedgerAccounts accounts,
            JournalWriter journal, JdbcTemplate jdbc) {
        this.events = events;
        this.lookups = lookups;
        this.lots = lots;
        this.accounts = accounts;
        this.journal = journal;
        this.jdbc = jdbc;
    }

    static void validate(PaidOrder order) {
        if (order.paidAt() == null || order.lines().isEmpty()) {
            throw new LedgerEventRejectedException("order " + order.orderId() + ": paidAt and lines are required");
        }
        Set<Long> lineIds = new HashSet<>();
        for (PaidLine line : order.lines()) {
            if (line.quantity() <= 0 || line.netAmountFen() < 0 || !lineIds.add(line.orderLineId())) {
                throw new LedgerEventRejectedException("order " + order.orderId() + ": bad line " + line.orderLineId());
            }
        }
    }

    /** @return how many of the orders were posted now (the others had been posted before) */
    int post(List<PaidOrder> orders, int attempt) {
        List<SourceEvent> claims = orders.stream().map(o -> new SourceEvent(o.idempotencyKey(), "ORDER_PAID",
                o.orderId(), null, null, o.paidFen(), o.paidAt())).toList();
        Set<String> fresh = events.claim(claims);
        Map<Long, PaidOrder> todo = new LinkedHashMap<>();
        for (PaidOrder order : orders) {
            if (fresh.contains(order.idempotencyKey())) {
                todo.putIfAbsent(order.orderId(), order);
            }
        }
        if (todo.isEmpty()) {
            return 0;
        }

        Set<Long> skuIds = new HashSet<>();
        Map<Long, Integer> lotDemand = new HashMap<>();
        for (PaidOrder order : todo.values()) {
            for (PaidLine line : order.lines()) {
                skuIds.add(line.skuId());
                if (line.skuHouseholdId() == null) {
                    lotDemand.merge(line.skuId(), line.quantity(), Integer::sum);
                }
            }
        }
        Map<Long, SkuInfo> skus = lookups.skus(skuIds);
        for (Long skuId : skuIds) {
            if (!skus.containsKey(skuId)) {
                throw new LedgerEventRejectedException("unknown SKU " + skuId);
            }
        }
        Map<Long, List<LotCursor>> lotsBySku = lots.fifoLots(lotDemand, attempt >= LedgerTx.PESSIMISTIC_FROM);

        Map<Long, List<LinePlan>> plans = new LinkedHashMap<>();
        Set<Long> households = new HashSet<>();
        for (PaidOrder order : todo.values()) {
            List<LinePlan> linePlans = new ArrayList<>(order.lines().size());
            for (PaidLine line : order.lines().stream().sorted(Comparator.comparingLong(PaidLine::orderLineId)).toList()) {
                LinePlan plan = AllocationPlanner.plan(line, lotsBySku.getOrDefault(line.skuId(), List.of()));
                plan.allocations().forEach(a -> households.add(a.householdId()));
                linePlans.add(plan);
            }
            plans.put(order.orderId(), linePlans);
        }
        Map<Long, Long> villages = lookups.householdVillages(households);
        for (Long household : households) {
            if (!villages.containsKey(household)) {
                throw new LedgerEventRejectedException("unknown household " + household);
            }
        }
        if (!lots.consume(lotsBySku.values().stream().flatMap(List::stream).toList())) {
            throw new LedgerTx.RetryableConflictException("a source lot was taken by a concurrent order");
        }

        Set<AccountSpec> specs = new HashSet<>();
        todo.values().forEach(o -> specs.add(o.clearingAccount()));
        todo.values().forEach(o -> specs.add(AccountSpec.revenue(o.agencyId())));
        households.forEach(h -> specs.add(AccountSpec.pending(h)));
        Map<String, Long> ids = accounts.require(specs);

        writeRows(todo, plans, skus, villages);

        List<NewEntry> entries = new ArrayList<>(todo.size());
        for (PaidOrder order : todo.values()) {
            long clearing = ids.get(order.clearingAccount().code());
            NewEntry.Builder entry = NewEntry.builder(order.idempotencyKey(), EntryType.ORDER_PAID).order(order.orderId());
            long paid = order.paidFen();
            long toHouseholds = 0;
            entry.debit(clearing, paid);
            for (LinePlan plan : plans.get(order.orderId())) {
                for (PlannedAllocation a : plan.allocations()) {
                    entry.credit(ids.get(AccountSpec.pending(a.householdId()).code()), a.incomeFen());
                    toHouseholds += a.incomeFen();
                }
            }
            entry.credit(ids.get(AccountSpec.revenue(order.agencyId()).code()), paid - toHouseholds);
            if (entry.hasPostings()) {
                entries.add(entry.build());
            }
        }
        journal.append(entries);
        return todo.size();
    }

    private void writeRows(Map<Long, PaidOrder> orders, Map<Long, List<LinePlan>> plans, Map<Long, SkuInfo> skus,
            Map<Long, Long> villages) {
        List<Object[]> orderRows = new ArrayList<>();
        List<Object[]> lineRows = new ArrayList<>();
        List<Object[]> allocationRows = new ArrayList<>();
        for (PaidOrder order : orders.values()) {
            LocalDateTime paidAt = LedgerTime.utc(order.paidAt());
            LocalDate paidDate = LocalDate.ofInstant(order.paidAt(), CHINA);
            orderRows.add(new Object[] {order.orderId(), order.agencyId(), order.campaignId(), order.buyerUserId(), paidAt,
                    order.paidFen()});
            for (LinePlan plan : plans.get(order.orderId())) {
                PaidLine line = plan.line();
                SkuInfo sku = skus.get(line.skuId());
                lineRows.add(new Object[] {line.orderLineId(), order.orderId(), line.skuId(), sku.productId(),
                        sku.villageId(), order.agencyId(), order.campaignId(), line.quantity(), line.netAmountFen(),
                        plan.householdIncomeFen(), plan.unitsUnallocated(), sku.reportMilliUnits(), paidAt, paidDate});
                int seq = 0;
                for (PlannedAllocation a : plan.allocations()) {
                    allocationRows.add(new Object[] {line.orderLineId(), ++seq, order.orderId(), a.householdId(),
                            villages.get(a.householdId()), a.lotId(), a.rule().name(), a.units(), a.incomeFen(), paidAt,
                            paidDate});
                }
            }
        }
        FixedSizeBatches.insert(jdbc, "INSERT INTO ledger_order (order_id, agency_id, campaign_id, buyer_user_id, paid_at, "
                + "paid_fen) VALUES (?, ?, ?, ?, ?, ?)", orderRows);
        try {
            FixedSizeBatches.insert(jdbc, "INSERT INTO ledger_order_line (order_line_id, order_id, sku_id, product_id, "
                    + "village_id, agency_id, campaign_id, quantity, net_amount_fen, household_income_fen, units_unallocated, "
                    + "report_milli_units, paid_at, paid_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", lineRows);
        } catch (DuplicateKeyException e) {
            if (DuplicateKeys.violates(e, "PRIMARY")) {
                throw new LedgerEventRejectedException("an order line id was already posted with another order");
            }
            throw e;
        }
        if (!allocationRows.isEmpty()) {
            FixedSizeBatches.insert(jdbc, "INSERT INTO ledger_allocation (order_line_id, seq_no, order_id, household_id, "
                    + "village_id, lot_id, rule, units, income_fen, paid_at, paid_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    allocationRows);
        }
    }
}
