-- The ledger's outbox-event consumer, and read paths of the ledger benchmark.
-- Accepted by MySQL 8.0+ and MariaDB 10.11+.

-- Events the ledger could not post and did not retry (an order line refunded beyond what it was
-- sold for, an event it cannot read, one that stayed "not ready" for too many deliveries): parked
-- here, with the stream fields as received, for a person to look at and retry. One row per stream
-- entry and subject (a group-buy event names several orders).
CREATE TABLE ledger_rejected_event (
  id               BIGINT        NOT NULL AUTO_INCREMENT,
  stream_id        VARCHAR(40)   NOT NULL COMMENT 'Redis Stream entry id',
  subject          VARCHAR(40)   NOT NULL COMMENT 'order#12, refund#7, event',
  event_id         BIGINT        NULL COMMENT 'outbox_event.id',
  event_type       VARCHAR(40)   NOT NULL,
  aggregate_type   VARCHAR(20)   NULL,
  aggregate_id     BIGINT        NULL,
  reason           VARCHAR(16)   NOT NULL COMMENT 'REJECTED | MALFORMED | GAVE_UP',
  detail           VARCHAR(500)  NOT NULL,
  fields           TEXT          NOT NULL COMMENT 'the stream entry as JSON, for a retry',
  deliveries       INT           NOT NULL,
  created_at       DATETIME(3)   NOT NULL,
  resolved_at      DATETIME(3)   NULL,
  resolved_by      BIGINT        NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_rejected_stream_subject (stream_id, subject),
  KEY idx_rejected_open (resolved_at, id),
  CONSTRAINT ck_rejected_reason CHECK (reason IN ('REJECTED','MALFORMED','GAVE_UP'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Reconciliation with the Alipay bill reads a day's payments and refunds by time.
ALTER TABLE orders ADD KEY idx_order_paid_at (paid_at);
ALTER TABLE refund ADD KEY idx_refund_refunded_at (refunded_at);
