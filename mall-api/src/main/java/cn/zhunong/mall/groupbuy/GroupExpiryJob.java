package cn.zhunong.mall.groupbuy;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Fails groups whose time ran out. It scans the database by expires_at and keeps no state, so
 * groups that expired while the server was down are failed at the next start, and several
 * instances may run it at once (each failure is a compare-and-set).
 */
@Component
public class GroupExpiryJob {

    private static final Logger log = LoggerFactory.getLogger(GroupExpiryJob.class);

    private final GroupBuyMapper groups;
    private final GroupExpiry expiry;
    private final GroupBuyProperties properties;
    private final Clock clock;

    public GroupExpiryJob(GroupBuyMapper groups, GroupExpiry expiry, GroupBuyProperties properties, Clock clock) {
        this.groups = groups;
        this.expiry = expiry;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${zhunong.group-buy.expiry-sweep-delay}",
            initialDelayString = "${zhunong.group-buy.expiry-sweep-delay}")
    public void scheduled() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.warn("Group-buy expiry run failed; will retry: {}", e.toString());
        }
    }

    /** One run; returns how many groups it failed. */
    public int runOnce() {
        int failed = 0;
        List<Long> expired;
        do {
            expired = groups.findExpired(clock.instant(), properties.batchSize());
            int failedThisBatch = 0;
            for (Long id : expired) {
                try {
                    if (expiry.fail(id)) {
                        failedThisBatch++;
                    }
                } catch (RuntimeException e) {
                    log.warn("Failing expired group buy {} failed: {}", id, e.toString());
                }
            }
            failed += failedThisBatch;
            if (failedThisBatch == 0) {
                break;
            }
        } while (expired.size() == properties.batchSize());
        return failed;
    }
}
