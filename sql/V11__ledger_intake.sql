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

-- Ledger posting reads a SKU's open lots FIFO (WHERE sku_id = ? AND units_allocated < units_supplied
-- ORDER BY received_on, id LIMIT n): with every column it reads in the index, closed lots are
-- skipped and open ones returned without a lookup of the row. It replaces the narrower FIFO index
-- (and still serves the foreign key on sku_id).
ALTER TABLE source_lot
  ADD KEY idx_lot_sku_fifo_cover (sku_id, received_on, id, units_supplied, units_allocated, household_id,
                                  purchase_price_fen, income_share_bp),
  DROP KEY idx_lot_sku_fifo;

-- Summaries filter ledger_order_line by agency (staff see their readable agencies) and paid_date,
-- then by village or campaign, and sum a few columns: one covering index led by agency replaces
-- the agency and campaign indexes (one index fewer to maintain per paid line). The village index
-- stays for the public village page (all time, by village).
ALTER TABLE ledger_order_line
  ADD KEY idx_lol_summary (agency_id, paid_date, village_id, campaign_id, order_id, quantity, report_milli_units,
                           net_amount_fen, refunded_fen),
  DROP KEY idx_lol_agency,
  DROP KEY idx_lol_campaign;
