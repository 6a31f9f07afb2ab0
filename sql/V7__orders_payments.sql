-- Orders, order lines, refunds and the transactional outbox.
-- Stock is reserved by a conditional UPDATE on sku (see V5). order_line deliberately has no foreign
-- key to sku/product: an FK check takes a shared lock on the parent row, and on a hot SKU those
-- shared locks of concurrent checkouts would deadlock with each other's stock UPDATE.

-- One order holds the lines of ONE agency (the one that ships them). The order number is our
-- out_trade_no at Alipay. (user_id, idempotency_key) makes order creation idempotent.
CREATE TABLE orders (
  id                    BIGINT        NOT NULL AUTO_INCREMENT,
  order_no              VARCHAR(32)   NOT NULL,
  user_id               BIGINT        NOT NULL,
  agency_id             BIGINT        NOT NULL,
  idempotency_key       VARCHAR(64)   NOT NULL,
  request_hash          CHAR(64)      NOT NULL COMMENT 'SHA-256 of the normalised request: same key + other body -> 422',
  status                VARCHAR(16)   NOT NULL COMMENT 'CREATED | PAID | SHIPPED | RECEIVED | COMPLETED | CLOSED',
  goods_fen             BIGINT        NOT NULL,
  shipping_fen          BIGINT        NOT NULL,
  total_fen             BIGINT        NOT NULL,
  receiver_name         VARCHAR(50)   NOT NULL,
  receiver_phone_enc    VARBINARY(96) NOT NULL,
  receiver_phone_masked VARCHAR(11)   NOT NULL,
  province_code         CHAR(2)       NOT NULL,
  receiver_address      VARCHAR(200)  NOT NULL,
  buyer_note            VARCHAR(200)  NULL,
  campaign_code         VARCHAR(32)   NULL,
  live_session_id       BIGINT        NULL,
  streamer_id           BIGINT        NULL,
  group_buy_id          BIGINT        NULL,
  expires_at            DATETIME(3)   NOT NULL COMMENT 'unpaid orders close after this; the Alipay trade expires at the same instant',
  pay_channel           VARCHAR(8)    NULL COMMENT 'PAGE | WAP | QR of the last payment started',
  payment_started_at    DATETIME(3)   NULL COMMENT 'set once a payment was started: the sweeper then asks Alipay before closing',
  alipay_trade_no       VARCHAR(64)   NULL,
  paid_fen              BIGINT        NOT NULL DEFAULT 0,
  refunded_fen          BIGINT        NOT NULL DEFAULT 0,
  paid_at               DATETIME(3)   NULL,
  shipped_at            DATETIME(3)   NULL,
  received_at           DATETIME(3)   NULL,
  completed_at          DATETIME(3)   NULL,
  closed_at             DATETIME(3)   NULL,
  close_reason          VARCHAR(16)   NULL COMMENT 'CANCELLED | TIMEOUT | REFUNDED',
  carrier               VARCHAR(32)   NULL,
  tracking_no           VARCHAR(40)   NULL,
  created_at            DATETIME(3)   NOT NULL,
  updated_at            DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_order_no (order_no),
  UNIQUE KEY uk_order_idempotency (user_id, idempotency_key),
  KEY idx_order_user (user_id, id),
  KEY idx_order_agency (agency_id, status, id),
  KEY idx_order_unpaid (status, expires_at),
  CONSTRAINT fk_order_user FOREIGN KEY (user_id) REFERENCES user_account (id),
  CONSTRAINT fk_order_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
  CONSTRAINT ck_order_status CHECK (status IN ('CREATED','PAID','SHIPPED','RECEIVED','COMPLETED','CLOSED')),
  CONSTRAINT ck_order_amounts CHECK (goods_fen > 0 AND shipping_fen >= 0 AND total_fen = goods_fen + shipping_fen),
  CONSTRAINT ck_order_refunds CHECK (paid_fen >= 0 AND refunded_fen >= 0 AND refunded_fen <= paid_fen)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A line snapshots what was bought at which price, and the income rule in force: either the SKU's
-- household, or the SKU's open source lots (a later ledger step allocates FIFO from this snapshot).
CREATE TABLE order_line (
  id                    BIGINT        NOT NULL AUTO_INCREMENT,
  order_id              BIGINT        NOT NULL,
  sku_id                BIGINT        NOT NULL,
  product_id            BIGINT        NOT NULL,
  village_id            BIGINT        NOT NULL,
  product_name          VARCHAR(60)   NOT NULL,
  sku_spec              VARCHAR(60)   NOT NULL,
  unit                  VARCHAR(8)    NOT NULL,
  unit_price_fen        BIGINT        NOT NULL,
  quantity              INT           NOT NULL,
  line_fen              BIGINT        NOT NULL,
  report_milli_units    BIGINT        NOT NULL,
  weight_grams          INT           NOT NULL,
  perishable            TINYINT(1)    NOT NULL,
  household_id          BIGINT        NULL COMMENT 'snapshot of sku.household_id: all income to this household',
  income_lots           JSON          NULL COMMENT 'else snapshot of open lots: [{lotId, householdId, purchasePriceFen|incomeShareBp, unitsAvailable}]',
  refund_status         VARCHAR(16)   NOT NULL DEFAULT 'NONE' COMMENT 'NONE | REFUNDING | REFUNDED',
  refunded_fen          BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY uk_line_order_sku (order_id, sku_id),
  KEY idx_line_sku (sku_id),
  CONSTRAINT fk_line_order FOREIGN KEY (order_id) REFERENCES orders (id),
  CONSTRAINT ck_line_amounts CHECK (unit_price_fen > 0 AND quantity > 0 AND line_fen = unit_price_fen * quantity
                                    AND refunded_fen >= 0 AND refunded_fen <= line_fen),
  CONSTRAINT ck_line_refund_status CHECK (refund_status IN ('NONE','REFUNDING','REFUNDED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A refund of one line (the buyer's application, reviewed by the agency), or of a whole payment
-- that arrived after the order had closed (order_line_id NULL, no review). out_request_no is unique
-- and reused on every retry, so Alipay refunds at most once.
CREATE TABLE refund (
  id                    BIGINT        NOT NULL AUTO_INCREMENT,
  out_request_no        VARCHAR(64)   NOT NULL,
  order_id              BIGINT        NOT NULL,
  order_line_id         BIGINT        NULL,
  user_id               BIGINT        NOT NULL,
  agency_id             BIGINT        NOT NULL,
  claim_type            VARCHAR(20)   NOT NULL COMMENT 'NO_REASON | QUALITY | PAID_AFTER_CLOSE',
  reason                VARCHAR(200)  NOT NULL,
  photos                JSON          NULL,
  amount_fen            BIGINT        NOT NULL,
  status                VARCHAR(16)   NOT NULL COMMENT 'PENDING | REJECTED | PROCESSING | SUCCEEDED | FAILED',
  reject_reason         VARCHAR(200)  NULL,
  reviewed_by           BIGINT        NULL,
  reviewed_at           DATETIME(3)   NULL,
  attempts              INT           NOT NULL DEFAULT 0,
  next_attempt_at       DATETIME(3)   NULL,
  last_error            VARCHAR(100)  NULL,
  refunded_at           DATETIME(3)   NULL,
  created_at            DATETIME(3)   NOT NULL,
  updated_at            DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_refund_request_no (out_request_no),
  KEY idx_refund_order (order_id),
  KEY idx_refund_agency (agency_id, status, id),
  KEY idx_refund_retry (status, next_attempt_at),
  CONSTRAINT fk_refund_order FOREIGN KEY (order_id) REFERENCES orders (id),
  CONSTRAINT fk_refund_line FOREIGN KEY (order_line_id) REFERENCES order_line (id),
  CONSTRAINT ck_refund_amount CHECK (amount_fen > 0),
  CONSTRAINT ck_refund_status CHECK (status IN ('PENDING','REJECTED','PROCESSING','SUCCEEDED','FAILED')),
  CONSTRAINT ck_refund_claim CHECK (claim_type IN ('NO_REASON','QUALITY','PAID_AFTER_CLOSE'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Transactional outbox: written in the same transaction as the state change it announces; a relay
-- publishes unpublished rows to the Redis Stream zhunong:events (at least once) and stamps them.
CREATE TABLE outbox_event (
  id                    BIGINT        NOT NULL AUTO_INCREMENT,
  event_type            VARCHAR(40)   NOT NULL COMMENT 'ORDER_PAID | ORDER_CLOSED | REFUND_SUCCEEDED | ...',
  aggregate_type        VARCHAR(20)   NOT NULL,
  aggregate_id          BIGINT        NOT NULL,
  payload               JSON          NOT NULL,
  created_at            DATETIME(3)   NOT NULL,
  published_at          DATETIME(3)   NULL,
  PRIMARY KEY (id),
  KEY idx_outbox_unpublished (published_at, id),
  KEY idx_outbox_aggregate (aggregate_type, aggregate_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
