package cn.zhunong.mall.ledger.report;

/** Day or month buckets of the payment date (Asia/Shanghai). */
public enum Granularity {
    DAY("DATE_FORMAT(l.paid_date, '%Y-%m-%d')"),
    MONTH("DATE_FORMAT(l.paid_date, '%Y-%m')");

    final String bucket;

    Granularity(String bucket) {
        this.bucket = bucket;
    }
}
