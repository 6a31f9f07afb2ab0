-- 企业团购: organisations buying in bulk (消费帮扶 by 预算单位 and companies). An organisation is
-- linked to CITIZEN accounts as its purchasers (no new role: the link is the permission). A
-- purchase is quoted at tiered prices, accepted, given recipients and an invoice, then placed as
-- ordinary orders (one per recipient and agency) carrying orders.enterprise_purchase_id.

CREATE TABLE enterprise_org (
  id                    BIGINT        NOT NULL AUTO_INCREMENT,
  name                  VARCHAR(100)  NOT NULL,
  credit_code           CHAR(18)      NOT NULL COMMENT '统一社会信用代码 (check digit validated)',
  contact_name          VARCHAR(50)   NOT NULL,
  contact_phone_enc     VARBINARY(96) NOT NULL,
  contact_phone_masked  VARCHAR(11)   NOT NULL,
  created_by            BIGINT        NOT NULL,
  created_at            DATETIME(3)   NOT NULL,
  updated_at            DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_enterprise_org_credit_code (credit_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A purchaser buys for one organisation only (user_id is the key).
CREATE TABLE enterprise_purchaser (
  user_id               BIGINT        NOT NULL,
  org_id                BIGINT        NOT NULL,
  created_by            BIGINT        NOT NULL,
  created_at            DATETIME(3)   NOT NULL,
  PRIMARY KEY (user_id),
  KEY idx_purchaser_org (org_id),
  CONSTRAINT fk_purchaser_user FOREIGN KEY (user_id) REFERENCES user_account (id),
  CONSTRAINT fk_purchaser_org FOREIGN KEY (org_id) REFERENCES enterprise_org (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Annual purchase target (fen) per organisation; progress is read from its paid orders.
CREATE TABLE enterprise_target (
  org_id                BIGINT        NOT NULL,
  target_year           INT           NOT NULL,
  target_fen            BIGINT        NOT NULL,
  updated_by            BIGINT        NOT NULL,
  updated_at            DATETIME(3)   NOT NULL,
  PRIMARY KEY (org_id, target_year),
  CONSTRAINT fk_target_org FOREIGN KEY (org_id) REFERENCES enterprise_org (id),
  CONSTRAINT ck_target_fen CHECK (target_fen > 0),
  CONSTRAINT ck_target_year CHECK (target_year BETWEEN 2000 AND 2100)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Quantity price tiers of a SKU, set by its agency: from min_quantity units (of one purchase) on,
-- the unit price is unit_price_fen (never above the SKU price; checked by the service).
CREATE TABLE sku_price_tier (
  id                    BIGINT        NOT NULL AUTO_INCREMENT,
  sku_id                BIGINT        NOT NULL,
  agency_id             BIGINT        NOT NULL,
  min_quantity          INT           NOT NULL,
  unit_price_fen        BIGINT        NOT NULL,
  created_by            BIGINT        NOT NULL,
  created_at            DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_tier_sku_min (sku_id, min_quantity),
  CONSTRAINT ck_tier_min CHECK (min_quantity >= 2),
  CONSTRAINT ck_tier_price CHECK (unit_price_fen > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE enterprise_purchase (
  id                    BIGINT        NOT NULL AUTO_INCREMENT,
  org_id                BIGINT        NOT NULL,
  created_by            BIGINT        NOT NULL COMMENT 'the purchaser; the orders are placed on this account',
  status                VARCHAR(12)   NOT NULL COMMENT 'QUOTED | ACCEPTED | PLACING | PLACED | PAID',
  goods_fen             BIGINT        NOT NULL COMMENT 'quoted goods total (shipping is added per order)',
  list_fen              BIGINT        NOT NULL COMMENT 'the same at SKU prices',
  quote_expires_at      DATETIME(3)   NOT NULL,
  accepted_at           DATETIME(3)   NULL,
  recipient_count       INT           NOT NULL DEFAULT 0,
  invoice_title         VARCHAR(100)  NULL,
  invoice_tax_id        CHAR(18)      NULL,
  payment_method        VARCHAR(16)   NULL COMMENT 'ALIPAY | BANK_TRANSFER, chosen when placing',
  placed_at             DATETIME(3)   NULL,
  transfer_reference    VARCHAR(64)   NULL COMMENT 'the purchaser''s bank transfer reference (对公转账流水号)',
  transfer_recorded_at  DATETIME(3)   NULL,
  confirmed_by          BIGINT        NULL,
  confirmed_at          DATETIME(3)   NULL,
  created_at            DATETIME(3)   NOT NULL,
  updated_at            DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  KEY idx_purchase_org (org_id, id),
  CONSTRAINT fk_purchase_org FOREIGN KEY (org_id) REFERENCES enterprise_org (id),
  CONSTRAINT ck_purchase_status CHECK (status IN ('QUOTED','ACCEPTED','PLACING','PLACED','PAID')),
  CONSTRAINT ck_purchase_method CHECK (payment_method IS NULL OR payment_method IN ('ALIPAY','BANK_TRANSFER'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE enterprise_purchase_item (
  purchase_id           BIGINT        NOT NULL,
  sku_id                BIGINT        NOT NULL,
  agency_id             BIGINT        NOT NULL,
  quantity              INT           NOT NULL COMMENT 'total units; every recipient gets quantity / recipient_count',
  list_price_fen        BIGINT        NOT NULL,
  unit_price_fen        BIGINT        NOT NULL,
  line_fen              BIGINT        NOT NULL,
  PRIMARY KEY (purchase_id, sku_id),
  CONSTRAINT fk_item_purchase FOREIGN KEY (purchase_id) REFERENCES enterprise_purchase (id),
  CONSTRAINT ck_item_amounts CHECK (quantity > 0 AND unit_price_fen > 0 AND unit_price_fen <= list_price_fen
                                    AND line_fen = unit_price_fen * quantity)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE enterprise_recipient (
  id                    BIGINT        NOT NULL AUTO_INCREMENT,
  purchase_id           BIGINT        NOT NULL,
  line_no               INT           NOT NULL COMMENT 'the row''s line in the uploaded CSV',
  name                  VARCHAR(50)   NOT NULL,
  phone_enc             VARBINARY(96) NOT NULL,
  phone_masked          VARCHAR(11)   NOT NULL,
  province_code         CHAR(2)       NOT NULL,
  address               VARCHAR(200)  NOT NULL,
  PRIMARY KEY (id),
  KEY idx_recipient_purchase (purchase_id, id),
  CONSTRAINT fk_recipient_purchase FOREIGN KEY (purchase_id) REFERENCES enterprise_purchase (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The admin's proof of a bank transfer (image or PDF); the first confirmation's proof is kept.
CREATE TABLE enterprise_transfer_proof (
  purchase_id           BIGINT        NOT NULL,
  content_type          VARCHAR(32)   NOT NULL,
  size_bytes            INT           NOT NULL,
  sha256                CHAR(64)      NOT NULL,
  content               MEDIUMBLOB    NOT NULL,
  amount_fen            BIGINT        NOT NULL,
  uploaded_by           BIGINT        NOT NULL,
  uploaded_at           DATETIME(3)   NOT NULL,
  PRIMARY KEY (purchase_id),
  CONSTRAINT fk_proof_purchase FOREIGN KEY (purchase_id) REFERENCES enterprise_purchase (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE orders ADD COLUMN enterprise_purchase_id BIGINT NULL;
CREATE INDEX idx_order_enterprise_purchase ON orders (enterprise_purchase_id);
