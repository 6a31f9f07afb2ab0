-- 拼团: activities on a SKU, the groups citizens open, and their members (one per order).
-- The seat count lives on group_buy and is only ever raised by a conditional UPDATE in the
-- transaction that marks the member's order paid (paid_members < size AND status = 'OPEN'), so a
-- group never holds more than size paid members; ck_group_seats makes the database refuse it too.

CREATE TABLE group_buy_activity (
  id                    BIGINT        NOT NULL AUTO_INCREMENT,
  agency_id             BIGINT        NOT NULL COMMENT 'the SKU''s agency, which ships the orders',
  sku_id                BIGINT        NOT NULL,
  title                 VARCHAR(60)   NOT NULL,
  group_price_fen       BIGINT        NOT NULL COMMENT 'unit price of a group order; at most the SKU price when created',
  group_size            INT           NOT NULL,
  duration_minutes      INT           NOT NULL COMMENT 'a group fails this long after its leader paid, unless full',
  per_user_limit        INT           NOT NULL COMMENT 'units one citizen may hold in unpaid or paid group orders of the activity',
  full_group_rule       VARCHAR(20)   NOT NULL COMMENT 'MOVE_TO_NEW_GROUP | REFUND: a payer whose group filled meanwhile',
  starts_at             DATETIME(3)   NOT NULL,
  ends_at               DATETIME(3)   NOT NULL,
  status                VARCHAR(12)   NOT NULL COMMENT 'ACTIVE | CANCELLED',
  created_by            BIGINT        NOT NULL,
  created_at            DATETIME(3)   NOT NULL,
  updated_at            DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  KEY idx_gba_agency (agency_id, id),
  KEY idx_gba_sku (sku_id),
  CONSTRAINT fk_gba_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
  CONSTRAINT ck_gba_price CHECK (group_price_fen > 0),
  CONSTRAINT ck_gba_size CHECK (group_size BETWEEN 2 AND 100),
  CONSTRAINT ck_gba_duration CHECK (duration_minutes BETWEEN 5 AND 10080),
  CONSTRAINT ck_gba_limit CHECK (per_user_limit BETWEEN 1 AND 999),
  CONSTRAINT ck_gba_rule CHECK (full_group_rule IN ('MOVE_TO_NEW_GROUP','REFUND')),
  CONSTRAINT ck_gba_period CHECK (ends_at > starts_at),
  CONSTRAINT ck_gba_status CHECK (status IN ('ACTIVE','CANCELLED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A group exists from the moment its leader's order is paid (paid_members starts at 1).
CREATE TABLE group_buy (
  id                    BIGINT        NOT NULL AUTO_INCREMENT,
  activity_id           BIGINT        NOT NULL,
  agency_id             BIGINT        NOT NULL,
  leader_user_id        BIGINT        NOT NULL,
  leader_order_id       BIGINT        NOT NULL,
  size                  INT           NOT NULL COMMENT 'snapshot of the activity''s group size',
  paid_members          INT           NOT NULL,
  status                VARCHAR(12)   NOT NULL COMMENT 'OPEN | SUCCEEDED | FAILED',
  expires_at            DATETIME(3)   NOT NULL,
  succeeded_at          DATETIME(3)   NULL,
  failed_at             DATETIME(3)   NULL,
  created_at            DATETIME(3)   NOT NULL,
  updated_at            DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_group_leader_order (leader_order_id),
  KEY idx_group_expiry (status, expires_at),
  KEY idx_group_activity (activity_id, status, expires_at),
  CONSTRAINT fk_group_activity FOREIGN KEY (activity_id) REFERENCES group_buy_activity (id),
  CONSTRAINT ck_group_seats CHECK (paid_members >= 0 AND paid_members <= size),
  CONSTRAINT ck_group_status CHECK (status IN ('OPEN','SUCCEEDED','FAILED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per group order, written before the order itself and keyed like it by
-- (user_id, idempotency_key), so the payment can always find it. group_buy_id is NULL for a leader
-- until the payment creates the group, and changes when a payer is moved to a new group.
CREATE TABLE group_buy_member (
  id                    BIGINT        NOT NULL AUTO_INCREMENT,
  activity_id           BIGINT        NOT NULL,
  group_buy_id          BIGINT        NULL,
  user_id               BIGINT        NOT NULL,
  idempotency_key       VARCHAR(64)   NOT NULL,
  order_id              BIGINT        NULL,
  role                  VARCHAR(8)    NOT NULL COMMENT 'LEADER | MEMBER',
  quantity              INT           NOT NULL,
  status                VARCHAR(12)   NOT NULL COMMENT 'PENDING | PAID | REFUNDING',
  refund_id             BIGINT        NULL,
  paid_at               DATETIME(3)   NULL,
  created_at            DATETIME(3)   NOT NULL,
  updated_at            DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_member_idempotency (user_id, idempotency_key),
  UNIQUE KEY uk_member_order (order_id),
  KEY idx_member_group (group_buy_id, status),
  KEY idx_member_activity_user (activity_id, user_id),
  CONSTRAINT fk_member_activity FOREIGN KEY (activity_id) REFERENCES group_buy_activity (id),
  CONSTRAINT ck_member_role CHECK (role IN ('LEADER','MEMBER')),
  CONSTRAINT ck_member_status CHECK (status IN ('PENDING','PAID','REFUNDING')),
  CONSTRAINT ck_member_quantity CHECK (quantity > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Whole-order refunds the system starts for group orders: the group was full when the member paid
-- (rule REFUND), or the group failed at its expiry.
ALTER TABLE refund DROP CONSTRAINT ck_refund_claim;
ALTER TABLE refund ADD CONSTRAINT ck_refund_claim
  CHECK (claim_type IN ('NO_REASON','QUALITY','PAID_AFTER_CLOSE','GROUP_FULL','GROUP_FAILED'));

-- Campaigns (以购代捐 / 村村播 家家富 / local drives / sales fairs). Orders are attributed by their
-- campaign_code (orders.campaign_code = campaign.code); progress is read from the paid orders.
-- 以购代捐 is a purchase: no campaign text may call it a donation (checked by the service).
CREATE TABLE campaign (
  id                    BIGINT        NOT NULL AUTO_INCREMENT,
  code                  VARCHAR(32)   NOT NULL COMMENT 'the attribution code orders carry',
  type                  VARCHAR(24)   NOT NULL COMMENT 'CONSUMPTION_ASSISTANCE | VILLAGE_LIVE | LOCAL_DRIVE | SALES_FAIR',
  name                  VARCHAR(60)   NOT NULL,
  organiser_agency_id   BIGINT        NOT NULL,
  starts_at             DATETIME(3)   NOT NULL,
  ends_at               DATETIME(3)   NOT NULL,
  target_gmv_fen        BIGINT        NULL,
  target_units          BIGINT        NULL,
  target_households     INT           NULL,
  approved_wording      VARCHAR(500)  NOT NULL COMMENT 'the only wording shown publicly',
  status                VARCHAR(12)   NOT NULL COMMENT 'ACTIVE | CANCELLED',
  created_by            BIGINT        NOT NULL,
  created_at            DATETIME(3)   NOT NULL,
  updated_at            DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_campaign_code (code),
  KEY idx_campaign_organiser (organiser_agency_id, id),
  CONSTRAINT fk_campaign_organiser FOREIGN KEY (organiser_agency_id) REFERENCES agency (id),
  CONSTRAINT ck_campaign_type CHECK (type IN ('CONSUMPTION_ASSISTANCE','VILLAGE_LIVE','LOCAL_DRIVE','SALES_FAIR')),
  CONSTRAINT ck_campaign_period CHECK (ends_at > starts_at),
  CONSTRAINT ck_campaign_targets CHECK ((target_gmv_fen IS NULL OR target_gmv_fen > 0)
      AND (target_units IS NULL OR target_units > 0) AND (target_households IS NULL OR target_households > 0)),
  CONSTRAINT ck_campaign_status CHECK (status IN ('ACTIVE','CANCELLED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE campaign_village (
  campaign_id           BIGINT        NOT NULL,
  village_id            BIGINT        NOT NULL,
  PRIMARY KEY (campaign_id, village_id),
  KEY idx_cv_village (village_id),
  CONSTRAINT fk_cv_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id),
  CONSTRAINT fk_cv_village FOREIGN KEY (village_id) REFERENCES village (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE campaign_product (
  campaign_id           BIGINT        NOT NULL,
  product_id            BIGINT        NOT NULL,
  PRIMARY KEY (campaign_id, product_id),
  KEY idx_cp_product (product_id),
  CONSTRAINT fk_cp_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id),
  CONSTRAINT fk_cp_product FOREIGN KEY (product_id) REFERENCES product (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- progress queries: the paid orders of one campaign code
CREATE INDEX idx_order_campaign ON orders (campaign_code, paid_at);
