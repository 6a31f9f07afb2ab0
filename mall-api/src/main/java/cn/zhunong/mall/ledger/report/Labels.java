package cn.zhunong.mall.ledger.report;

import cn.zhunong.mall.infra.money.Yuan;
import java.math.BigDecimal;

/** Chinese labels and yuan formatting for what people read (print views and spreadsheets). */
final class Labels {

    private Labels() {
    }

    static String status(String status) {
        return switch (status) {
            case "PENDING" -> "售后期内（待结算）";
            case "AVAILABLE" -> "可打款";
            case "PAID_OUT" -> "已打款";
            case "CONFIRMED" -> "已确认到账";
            default -> status;
        };
    }

    static String rule(String rule) {
        return switch (rule) {
            case "PURCHASE_PRICE" -> "收购价";
            case "INCOME_SHARE" -> "收益分成";
            case "SKU_HOUSEHOLD" -> "本户商品";
            default -> rule;
        };
    }

    static String payoutStatus(String status) {
        return switch (status) {
            case "PENDING" -> "待打款";
            case "PAID_OUT" -> "已打款";
            case "CONFIRMED" -> "已确认到账";
            default -> status;
        };
    }

    static String method(String method) {
        if (method == null) {
            return "";
        }
        return "BANK".equals(method) ? "银行转账" : "现金";
    }

    /**
     * Only for a numeric spreadsheet cell (POI stores numbers as double), at the very edge: every
     * sum is computed in fen before, and yuan with two decimals round-trip exactly at these sizes.
     */
    static double yuanValue(long fen) {
        return BigDecimal.valueOf(fen, 2).doubleValue();
    }
}
