package cn.zhunong.mall.ledger.reconcile;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * zhunong.ledger.reconcile.*
 *
 * @param maxTradeQueries at most this many alipay.trade.query calls per report (the rest say QUERY_LIMIT)
 * @param maxUploadBytes  largest bill file accepted as an upload
 */
@ConfigurationProperties("zhunong.ledger.reconcile")
public record BillReconciliationProperties(Integer maxTradeQueries, Long maxUploadBytes) {

    public BillReconciliationProperties {
        maxTradeQueries = maxTradeQueries == null ? 100 : maxTradeQueries;
        maxUploadBytes = maxUploadBytes == null ? 5L * 1024 * 1024 : maxUploadBytes;
    }
}
