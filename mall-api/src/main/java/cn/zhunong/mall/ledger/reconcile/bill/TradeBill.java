package cn.zhunong.mall.ledger.reconcile.bill;

import java.time.LocalDate;
import java.util.List;

/**
 * A parsed trade bill (bill_type=trade): the account it was issued for, the day it covers (from
 * its 起始日期/终止日期 header, when present) and its detail rows.
 */
public record TradeBill(String account, LocalDate day, List<BillRow> rows) {

    public TradeBill {
        rows = List.copyOf(rows);
    }

    public List<BillRow> trades() {
        return rows.stream().filter(r -> r.type() == BillRow.Type.TRADE).toList();
    }

    public List<BillRow> refunds() {
        return rows.stream().filter(r -> r.type() == BillRow.Type.REFUND).toList();
    }
}
