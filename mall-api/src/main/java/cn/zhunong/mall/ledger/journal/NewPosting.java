package cn.zhunong.mall.ledger.journal;

/** One side of an entry: exactly one of the amounts is positive. */
public record NewPosting(long accountId, long debitFen, long creditFen) {

    public NewPosting {
        if (!((debitFen > 0 && creditFen == 0) || (debitFen == 0 && creditFen > 0))) {
            throw new IllegalArgumentException("a posting has exactly one positive side");
        }
    }
}
