package cn.zhunong.alipaysim;

import java.util.List;
import java.util.Map;

/**
 * One async notify (one {@code notify_id}) and every attempt made to deliver it.
 *
 * @param params the form parameters exactly as posted (including {@code sign})
 */
public record NotifyDelivery(String notifyId, String outTradeNo, String tradeStatus, String url, Kind kind,
                             Map<String, String> params, List<NotifyAttempt> attempts, State state) {

    public enum Kind {
        /** sent by the simulator because the trade changed */
        GENUINE,
        /** correctly signed, sent on request of a test (resend, or a chosen trade_status) */
        TEST,
        /** forged on request of a test; sent once, never retried */
        FORGED
    }

    public enum State {
        /** not acknowledged yet; more attempts are scheduled */
        PENDING,
        /** the merchant answered {@code success} */
        ACKNOWLEDGED,
        /** every attempt failed (Alipay stops after 8 attempts in about 25 hours) */
        GAVE_UP,
        /** not sent because notifies are switched off ({@link AlipaySimulator#setNotifiesEnabled}) */
        SUPPRESSED
    }

    public boolean acknowledged() {
        return state == State.ACKNOWLEDGED;
    }
}
