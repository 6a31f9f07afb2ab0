package cn.zhunong.alipaysim;

/** A test hook or buyer action that Alipay would refuse, e.g. paying a closed trade. */
public class SimulatorException extends RuntimeException {

    private final String code;
    private final int httpStatus;

    public SimulatorException(String code, String message, int httpStatus) {
        super(code + ": " + message);
        this.code = code;
        this.httpStatus = httpStatus;
    }

    /** Alipay-style reason, e.g. {@code ACQ.TRADE_HAS_CLOSE}, or {@code NOT_FOUND} for an unknown order */
    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
