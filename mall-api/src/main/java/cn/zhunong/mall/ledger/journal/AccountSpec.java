package cn.zhunong.mall.ledger.journal;

/** An account by its unique code, with what the code means (for creating it on first use). */
public record AccountSpec(String code, AccountKind kind, Long householdId, Long agencyId) {

    public static final String CLEARING_ALIPAY = "clearing:alipay";
    public static final String CLEARING_BANK_TRANSFER = "clearing:bank-transfer";
    public static final String CLEARING_OFFLINE = "clearing:offline";

    public static AccountSpec clearing() {
        return new AccountSpec(CLEARING_ALIPAY, AccountKind.CLEARING, null, null);
    }

    /**
     * The clearing account of an order's payment method (orders.payment_method): money held at
     * Alipay, received on the platform's bank account, or taken on the spot. Null means ALIPAY.
     */
    public static AccountSpec clearingFor(String paymentMethod) {
        String code = paymentMethod == null ? CLEARING_ALIPAY : switch (paymentMethod) {
            case "ALIPAY" -> CLEARING_ALIPAY;
            case "BANK_TRANSFER" -> CLEARING_BANK_TRANSFER;
            case "OFFLINE" -> CLEARING_OFFLINE;
            default -> throw new IllegalArgumentException("unknown payment method " + paymentMethod);
        };
        return new AccountSpec(code, AccountKind.CLEARING, null, null);
    }

    public static AccountSpec revenue(long agencyId) {
        return new AccountSpec("revenue:agency:" + agencyId, AccountKind.REVENUE, null, agencyId);
    }

    public static AccountSpec refunds(long agencyId) {
        return new AccountSpec("refunds:agency:" + agencyId, AccountKind.REFUNDS, null, agencyId);
    }

    public static AccountSpec pending(long householdId) {
        return new AccountSpec("household:" + householdId + ":pending", AccountKind.HOUSEHOLD_PENDING, householdId, null);
    }

    public static AccountSpec available(long householdId) {
        return new AccountSpec("household:" + householdId + ":available", AccountKind.HOUSEHOLD_AVAILABLE, householdId, null);
    }

    public static AccountSpec paid(long householdId) {
        return new AccountSpec("household:" + householdId + ":paid", AccountKind.HOUSEHOLD_PAID, householdId, null);
    }
}
