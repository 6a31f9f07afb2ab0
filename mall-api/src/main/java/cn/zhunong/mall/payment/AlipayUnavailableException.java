package cn.zhunong.mall.payment;

/** Alipay did not answer, or answered with a system error: the outcome is unknown. */
public class AlipayUnavailableException extends RuntimeException {

    public AlipayUnavailableException(String what, Throwable cause) {
        super("Alipay " + what + (cause == null ? "" : ": " + cause.getMessage()), cause);
    }
}
