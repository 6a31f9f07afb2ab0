-- Household income ledger: double-entry, append-only journal with a hash chain, allocations of
-- paid order lines to households, payouts to households (打款到户), and the source events received
-- from the orders side. Journal rows (journal_entry, posting) are never updated or deleted:
-- corrections are new (reversing) entries. In production grant the application user only
-- SELECT/INSERT on journal_entry and posting.

-- Accounts. code examples: clearing:alipay, revenue:agency:12, refunds:agency:12,
-- household:345:pending, household:345:available, household:345:paid.
CREATE TABLE ledger_account (
  id               BIGINT       NOT NULL AUTO_INCREMENT,
  code             VARCHAR(64)  NOT NULL,
  kind             VARCHAR(24)  NOT NULL,
  household_id     BIGINT       NULL,
  agency_id        BIGINT       NULL,
  created_at       DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_ledger_account_code (code),
  KEY idx_ledger_account_household (household_id),
  CONSTRAINT ck_ledger_account_kind CHECK (kind IN ('CLEARING','REVENUE','REFUNDS',
      'HOUSEHOLD_PENDING','HOUSEHOLD_AVAILABLE','HOUSEHOLD_PAID'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Running totals per account, updated in the same transaction as the postings (for fast
-- statements); verification checks them against the sum of postings.
CREATE TABLE account_balance (
  account_id       BIGINT       NOT NULL,
  debit_total_fen  BIGINT       NOT NULL DEFAULT 0,
  credit_total_fen BIGINT       NOT NULL DEFAULT 0,
  updated_at       DATETIME(3)  NOT NULL,
  PRIMARY KEY (account_id),
  CONSTRAINT fk_balance_account FOREIGN KEY (account_id) REFERENCES ledger_account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The single row every append locks (SELECT ... FOR UPDATE): it serialises the hash chain and
-- hands out contiguous entry ids.
CREATE TABLE ledger_chain_head (
  id               TINYINT      NOT NULL,
  last_entry_id    BIGINT       NOT NULL,
  last_hash        CHAR(64)     NOT NULL,
  updated_at       DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT ck_chain_head_single CHECK (id = 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO ledger_chain_head (id, last_entry_id, last_hash, updated_at)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', UTC_TIMESTAMP(3));

-- id is the position in the chain (1, 2, 3 ... without gaps), assigned under the chain-head lock.
-- hash = SHA-256(canonical entry content incl. postings and prev_hash), see EntryHasher.
CREATE TABLE journal_entry (
  id               BIGINT       NOT NULL,
  idempotency_key  VARCHAR(100) NOT NULL COMMENT 'from the source event: order-paid:<id>, refund:<id>, release:<order id>, payout:<item id>',
  type             VARCHAR(16)  NOT NULL,
  order_id         BIGINT       NULL,
  order_line_id    BIGINT       NULL,
  refund_id        BIGINT       NULL,
  payout_item_id   BIGINT       NULL,
  created_at       DATETIME(3)  NOT NULL,
  prev_hash        CHAR(64)     NOT NULL,
  hash             CHAR(64)     NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_journal_idempotency (idempotency_key),
  KEY idx_journal_order (order_id),
  CONSTRAINT ck_journal_type CHECK (type IN ('ORDER_PAID','REFUND','RELEASE','PAYOUT'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- No foreign keys on this hot append-only table (they cost a parent lookup and lock per row): only
-- JournalWriter inserts here, the hash covers every account id, and verification reports
-- postings without their entry.
CREATE TABLE posting (
  entry_id         BIGINT       NOT NULL,
  line_no          SMALLINT     NOT NULL,
  account_id       BIGINT       NOT NULL,
  debit_fen        BIGINT       NOT NULL,
  credit_fen       BIGINT       NOT NULL,
  PRIMARY KEY (entry_id, line_no),
  KEY idx_posting_account (account_id, entry_id),
  CONSTRAINT ck_posting_one_side CHECK ((debit_fen > 0 AND credit_fen = 0) OR (debit_fen = 0 AND credit_fen > 0))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What the orders side told us, one row per event (the unique key makes every call idempotent):
-- the basis of the "paid - refunded = clearing movements" reconciliation.
CREATE TABLE ledger_source_event (
  id               BIGINT       NOT NULL AUTO_INCREMENT,
  event_key        VARCHAR(100) NOT NULL,
  type             VARCHAR(16)  NOT NULL,
  order_id         BIGINT       NOT NULL,
  order_line_id    BIGINT       NULL,
  refund_id        BIGINT       NULL,
  amount_fen       BIGINT       NOT NULL DEFAULT 0,
  occurred_at      DATETIME(3)  NOT NULL,
  received_at      DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_source_event_key (event_key),
  KEY idx_source_event_order (order_id),
  CONSTRAINT ck_source_event_type CHECK (type IN ('ORDER_PAID','REFUND','ORDER_RECEIVED')),
  CONSTRAINT ck_source_event_amount CHECK (amount_fen >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The ledger's view of a paid order: attribution for reports and the after-sale window.
-- status PENDING until the window after receipt closes, then RELEASED (income available).
CREATE TABLE ledger_order (
  order_id         BIGINT       NOT NULL,
  agency_id        BIGINT       NOT NULL,
  campaign_id      BIGINT       NULL,
  buyer_user_id    BIGINT       NULL,
  paid_at          DATETIME(3)  NOT NULL,
  paid_fen         BIGINT       NOT NULL,
  received_at      DATETIME(3)  NULL,
  release_due_at   DATETIME(3)  NULL,
  status           VARCHAR(16)  NOT NULL DEFAULT 'PENDING',
  released_at      DATETIME(3)  NULL,
  PRIMARY KEY (order_id),
  KEY idx_ledger_order_release (status, release_due_at),
  CONSTRAINT ck_ledger_order_status CHECK (status IN ('PENDING','RELEASED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per paid order line with the snapshots reports need (product village, 斤 conversion).
CREATE TABLE ledger_order_line (
  order_line_id        BIGINT       NOT NULL,
  order_id             BIGINT       NOT NULL,
  sku_id               BIGINT       NOT NULL,
  product_id           BIGINT       NOT NULL,
  village_id           BIGINT       NOT NULL COMMENT 'the product''s origin village',
  agency_id            BIGINT       NOT NULL,
  campaign_id          BIGINT       NULL,
  quantity             INT          NOT NULL,
  net_amount_fen       BIGINT       NOT NULL,
  refunded_fen         BIGINT       NOT NULL DEFAULT 0,
  household_income_fen BIGINT       NOT NULL COMMENT 'sum of the allocations when paid',
  units_unallocated    INT          NOT NULL DEFAULT 0 COMMENT 'units no source lot covered: income stays with the agency',
  report_milli_units   BIGINT       NOT NULL DEFAULT 0 COMMENT 'snapshot of sku.report_milli_units (斤 x1000 per unit)',
  paid_at              DATETIME(3)  NOT NULL,
  paid_date            DATE         NOT NULL COMMENT 'Asia/Shanghai date of payment',
  PRIMARY KEY (order_line_id),
  KEY idx_lol_order (order_id),
  KEY idx_lol_village (village_id, paid_date),
  KEY idx_lol_agency (agency_id, paid_date),
  KEY idx_lol_campaign (campaign_id, paid_date),
  CONSTRAINT ck_lol_amounts CHECK (quantity > 0 AND net_amount_fen >= 0 AND refunded_fen >= 0
      AND refunded_fen <= net_amount_fen AND household_income_fen >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Units of a line credited to a household (through a source lot, or the SKU's own household).
-- status: PENDING -> AVAILABLE (after-sale window closed) -> PAID_OUT (payout item paid) ->
-- CONFIRMED (household's receipt recorded). reversed_fen: income taken back by refunds.
CREATE TABLE ledger_allocation (
  id               BIGINT       NOT NULL AUTO_INCREMENT,
  order_line_id    BIGINT       NOT NULL,
  seq_no           SMALLINT     NOT NULL,
  order_id         BIGINT       NOT NULL,
  household_id     BIGINT       NOT NULL,
  village_id       BIGINT       NOT NULL COMMENT 'the household''s village',
  lot_id           BIGINT       NULL,
  rule             VARCHAR(16)  NOT NULL,
  units            INT          NOT NULL,
  income_fen       BIGINT       NOT NULL,
  reversed_fen     BIGINT       NOT NULL DEFAULT 0,
  status           VARCHAR(16)  NOT NULL DEFAULT 'PENDING',
  paid_at          DATETIME(3)  NOT NULL,
  paid_date        DATE         NOT NULL,
  available_at     DATETIME(3)  NULL,
  payout_item_id   BIGINT       NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_allocation_line_seq (order_line_id, seq_no),
  KEY idx_allocation_household (household_id, paid_at),
  KEY idx_allocation_order (order_id),
  KEY idx_allocation_village (village_id, paid_date),
  CONSTRAINT ck_allocation_rule CHECK (rule IN ('PURCHASE_PRICE','INCOME_SHARE','SKU_HOUSEHOLD')),
  CONSTRAINT ck_allocation_status CHECK (status IN ('PENDING','AVAILABLE','PAID_OUT','CONFIRMED')),
  CONSTRAINT ck_allocation_amounts CHECK (units > 0 AND income_fen >= 0 AND reversed_fen >= 0 AND reversed_fen <= income_fen)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 打款到户: an agency pays the available income of a village's households in a batch.
CREATE TABLE payout_batch (
  id               BIGINT       NOT NULL AUTO_INCREMENT,
  agency_id        BIGINT       NOT NULL,
  village_id       BIGINT       NOT NULL,
  request_key      VARCHAR(64)  NULL COMMENT 'Idempotency-Key of the creating request',
  note             VARCHAR(200) NULL,
  item_count       INT          NOT NULL,
  total_fen        BIGINT       NOT NULL,
  created_by       BIGINT       NOT NULL,
  created_at       DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_payout_batch_request (agency_id, request_key),
  KEY idx_payout_batch_village (village_id, created_at),
  CONSTRAINT fk_payout_batch_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
  CONSTRAINT fk_payout_batch_village FOREIGN KEY (village_id) REFERENCES village (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One household in a batch. open_marker is 1 while the item is unpaid, so a household is in at
-- most one unpaid item at a time (no double payout of the same available balance).
CREATE TABLE payout_item (
  id                   BIGINT       NOT NULL AUTO_INCREMENT,
  batch_id             BIGINT       NOT NULL,
  household_id         BIGINT       NOT NULL,
  amount_fen           BIGINT       NOT NULL,
  status               VARCHAR(16)  NOT NULL DEFAULT 'PENDING',
  open_marker          TINYINT      AS (CASE WHEN status = 'PENDING' THEN 1 ELSE NULL END) STORED,
  method               VARCHAR(8)   NULL COMMENT 'BANK | CASH',
  reference            VARCHAR(64)  NULL COMMENT 'bank transfer serial or cash receipt number',
  proof_key            VARCHAR(200) NULL,
  proof_content_type   VARCHAR(32)  NULL,
  paid_at              DATETIME(3)  NULL,
  paid_by              BIGINT       NULL,
  confirmed_at         DATETIME(3)  NULL,
  confirmed_by         BIGINT       NULL,
  confirm_note         VARCHAR(200) NULL,
  created_at           DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_payout_item_batch_household (batch_id, household_id),
  UNIQUE KEY uk_payout_item_open (household_id, open_marker),
  CONSTRAINT fk_payout_item_batch FOREIGN KEY (batch_id) REFERENCES payout_batch (id),
  CONSTRAINT fk_payout_item_household FOREIGN KEY (household_id) REFERENCES household (id),
  CONSTRAINT ck_payout_item_status CHECK (status IN ('PENDING','PAID_OUT','CONFIRMED')),
  CONSTRAINT ck_payout_item_method CHECK (method IS NULL OR method IN ('BANK','CASH')),
  CONSTRAINT ck_payout_item_amount CHECK (amount_fen > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
