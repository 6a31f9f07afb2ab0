package cn.zhunong.mall.ledger.reconcile.bill;

/** The file is not a readable Alipay trade bill; {@code line} is 1-based in the detail CSV (0 when not about a line). */
public class BillFormatException extends RuntimeException {

    private final int line;

    public BillFormatException(int line, String message) {
        super(message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
