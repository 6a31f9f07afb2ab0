-- 爱心认购/认领 (adoption with a future harvest) and 展销 (community sales fairs).
-- Both sell through ordinary orders (orders/order_line), so payment, refunds and the household
-- ledger work unchanged; these tables only attribute orders and hold what is particular to them.

-- An offer to adopt a plot, tree or animal of one household, published by the village's agency.
-- It is sold through a SKU of the agency's catalog that names the household (sku.household_id),
-- at the offer's price. adopted_items only ever moves by a conditional UPDATE
-- (adopted_items + n <= total_items), and ck_adoption_offer_items makes the database refuse more.
CREATE TABLE adoption_offer (
  id                    BIGINT        NOT NULL AUTO_INCREMENT,
  agency_id             BIGINT        NOT NULL,
  village_id            BIGINT        NOT NULL,
  household_id          BIGINT        NOT NULL,
  sku_id                BIGINT        NOT NULL COMMENT 'the catalog SKU the orders carry; sku.household_id = household_id',
  kind                  VARCHAR(8)    NOT NULL COMMENT 'PLOT | TREE | ANIMAL',
  title                 VARCHAR(60)   NOT NULL,
  subject               VARCHAR(200)  NOT NULL COMMENT 'what exactly is adopted (e.g. 龙岗村 3 号地 0.1 亩)',
  harvest_date          DATE          NOT NULL,
  expected_yield_milli  BIGINT        NOT NULL COMMENT 'expected yield per item, in yield_unit x 1000',
  yield_unit            VARCHAR(8)    NOT NULL COMMENT 'JIN | KG | PIECE | BOX | CASE | HEAD',
  delivery              VARCHAR(300)  NOT NULL COMMENT 'how and when the harvest reaches the adopter',
  price_fen             BIGINT        NOT NULL,
  total_items           INT           NOT NULL,
  adopted_items         INT           NOT NULL DEFAULT 0,
  status                VARCHAR(12)   NOT NULL COMMENT 'OPEN | CLOSED',
  created_by            BIGINT        NOT NULL,
  created_at            DATETIME(3)   NOT NULL,
  updated_at            DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_adoption_offer_sku (sku_id),
  KEY idx_adoption_offer_agency (agency_id, id),
  CONSTRAINT fk_adoption_offer_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
  CONSTRAINT fk_adoption_offer_village FOREIGN KEY (village_id) REFERENCES village (id),
  CONSTRAINT fk_adoption_offer_household FOREIGN KEY (household_id) REFERENCES household (id),
  CONSTRAINT ck_adoption_offer_kind CHECK (kind IN ('PLOT','TREE','ANIMAL')),
  CONSTRAINT ck_adoption_offer_price CHECK (price_fen > 0),
  CONSTRAINT ck_adoption_offer_yield CHECK (expected_yield_milli > 0),
  CONSTRAINT ck_adoption_offer_items CHECK (total_items > 0 AND adopted_items >= 0 AND adopted_items <= total_items),
  CONSTRAINT ck_adoption_offer_status CHECK (status IN ('OPEN','CLOSED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One adoption = one order. Written (holding its items) before the order, keyed like it by
-- (user_id, idempotency_key); order_id is set once the order exists. The agreement is a snapshot:
-- later edits of the offer never change it. Harvest delivery is recorded here and then moves the
-- order to RECEIVED, which starts the ledger's after-sale window.
CREATE TABLE adoption (
  id                    BIGINT        NOT NULL AUTO_INCREMENT,
  offer_id              BIGINT        NOT NULL,
  agency_id             BIGINT        NOT NULL,
  user_id               BIGINT        NOT NULL,
  idempotency_key       VARCHAR(64)   NOT NULL,
  order_id              BIGINT        NULL,
  items                 INT           NOT NULL,
  status                VARCHAR(12)   NOT NULL COMMENT 'RESERVED | RELEASED | DELIVERED',
  agreement_no          VARCHAR(32)   NOT NULL,
  agreement_html        MEDIUMTEXT    NOT NULL,
  delivered_milli       BIGINT        NULL COMMENT 'quantity delivered, in the offer''s yield_unit x 1000',
  delivered_on          DATE          NULL,
  delivery_evidence     VARCHAR(500)  NULL,
  delivered_by          BIGINT        NULL,
  delivered_at          DATETIME(3)   NULL,
  created_at            DATETIME(3)   NOT NULL,
  updated_at            DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_adoption_idempotency (user_id, idempotency_key),
  UNIQUE KEY uk_adoption_order (order_id),
  UNIQUE KEY uk_adoption_agreement_no (agreement_no),
  KEY idx_adoption_offer (offer_id, id),
  CONSTRAINT fk_adoption_offer FOREIGN KEY (offer_id) REFERENCES adoption_offer (id),
  CONSTRAINT ck_adoption_items CHECK (items > 0),
  CONSTRAINT ck_adoption_status CHECK (status IN ('RESERVED','RELEASED','DELIVERED')),
  CONSTRAINT ck_adoption_delivered CHECK (delivered_milli IS NULL OR delivered_milli >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A community sales fair. Its sales are orders of a buyer account made for the fair (buyer_user_id:
-- role CITIZEN, disabled, no usable password: it can never log in), so the fair is the buyer and
-- (buyer_user_id, idempotency_key) makes recording a sale idempotent per fair.
CREATE TABLE sales_fair (
  id                    BIGINT        NOT NULL AUTO_INCREMENT,
  agency_id             BIGINT        NOT NULL,
  buyer_user_id         BIGINT        NOT NULL,
  name                  VARCHAR(50)   NOT NULL,
  place                 VARCHAR(200)  NOT NULL,
  fair_date             DATE          NOT NULL,
  campaign_code         VARCHAR(32)   NULL,
  province_code         CHAR(2)       NOT NULL COMMENT 'of the first village: the orders'' province',
  contact_phone_enc     VARBINARY(96) NOT NULL,
  contact_phone_masked  VARCHAR(11)   NOT NULL,
  created_by            BIGINT        NOT NULL,
  created_at            DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_fair_buyer (buyer_user_id),
  KEY idx_fair_agency (agency_id, fair_date),
  CONSTRAINT fk_fair_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
  CONSTRAINT fk_fair_buyer FOREIGN KEY (buyer_user_id) REFERENCES user_account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE sales_fair_village (
  fair_id               BIGINT        NOT NULL,
  village_id            BIGINT        NOT NULL,
  PRIMARY KEY (fair_id, village_id),
  CONSTRAINT fk_sfv_fair FOREIGN KEY (fair_id) REFERENCES sales_fair (id),
  CONSTRAINT fk_sfv_village FOREIGN KEY (village_id) REFERENCES village (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Photos taken at the fair (stored by the image storage; key only).
CREATE TABLE sales_fair_evidence (
  id                    BIGINT        NOT NULL AUTO_INCREMENT,
  fair_id               BIGINT        NOT NULL,
  storage_key           VARCHAR(64)   NOT NULL,
  content_type          VARCHAR(32)   NOT NULL,
  size_bytes            INT           NOT NULL,
  uploaded_by           BIGINT        NOT NULL,
  created_at            DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_fair_evidence_key (storage_key),
  KEY idx_fair_evidence_fair (fair_id),
  CONSTRAINT fk_fair_evidence_fair FOREIGN KEY (fair_id) REFERENCES sales_fair (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One recorded sale = one OFFLINE order of the fair's buyer account.
CREATE TABLE sales_fair_sale (
  id                    BIGINT        NOT NULL AUTO_INCREMENT,
  fair_id               BIGINT        NOT NULL,
  order_id              BIGINT        NOT NULL,
  evidence_ids          JSON          NOT NULL,
  price_reason          VARCHAR(200)  NULL COMMENT 'required when a unit price is above the list price',
  recorded_by           BIGINT        NOT NULL,
  created_at            DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_fair_sale_order (order_id),
  KEY idx_fair_sale_fair (fair_id, id),
  CONSTRAINT fk_fair_sale_fair FOREIGN KEY (fair_id) REFERENCES sales_fair (id),
  CONSTRAINT fk_fair_sale_order FOREIGN KEY (order_id) REFERENCES orders (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
