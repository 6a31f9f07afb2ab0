package cn.zhunong.mall.ledger;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Moves income from pending to available when orders' after-sale windows close. Safe on many instances (CAS per order). */
@Component
class LedgerReleaseJob {

    private static final Logger log = LoggerFactory.getLogger(LedgerReleaseJob.class);

    private final LedgerService ledger;
    private final Clock clock;

    LedgerReleaseJob(LedgerService ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${zhunong.ledger.release-interval:PT1M}", initialDelayString = "PT30S")
    void releaseDue() {
        try {
            int released = ledger.releaseDue(clock.instant());
            if (released > 0) {
                log.info("Released the income of {} orders whose after-sale window closed", released);
            }
        } catch (RuntimeException e) {
            log.error("Ledger release job failed; it runs again at the next interval", e);
        }
    }
}
