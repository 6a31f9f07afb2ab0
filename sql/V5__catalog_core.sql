-- Catalog core: what orders need from products. Search, images, certifications and campaign tags
-- come in later migrations of the catalog feature.

CREATE TABLE product_category (
  id               BIGINT       NOT NULL AUTO_INCREMENT,
  parent_id        BIGINT       NULL,
  name             VARCHAR(32)  NOT NULL,
  sort_order       INT          NOT NULL DEFAULT 0,
  created_at       DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_category_parent_name (parent_id, name),
  CONSTRAINT fk_category_parent FOREIGN KEY (parent_id) REFERENCES product_category (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Shipping: FREE, FLAT (one fee per order line group) or BY_WEIGHT (first kg + each further kg).
-- excluded_regions: JSON array of 2-digit province codes not served (e.g. ["54","65"]).
CREATE TABLE shipping_template (
  id                    BIGINT       NOT NULL AUTO_INCREMENT,
  agency_id             BIGINT       NOT NULL,
  name                  VARCHAR(50)  NOT NULL,
  mode                  VARCHAR(16)  NOT NULL,
  flat_fee_fen          BIGINT       NOT NULL DEFAULT 0,
  first_kg_fee_fen      BIGINT       NOT NULL DEFAULT 0,
  extra_kg_fee_fen      BIGINT       NOT NULL DEFAULT 0,
  free_over_fen         BIGINT       NULL COMMENT 'free shipping when the goods total reaches this',
  excluded_regions      JSON         NULL,
  created_at            DATETIME(3)  NOT NULL,
  updated_at            DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  KEY idx_shipping_agency (agency_id),
  CONSTRAINT fk_shipping_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
  CONSTRAINT ck_shipping_mode CHECK (mode IN ('FREE','FLAT','BY_WEIGHT')),
  CONSTRAINT ck_shipping_fees CHECK (flat_fee_fen >= 0 AND first_kg_fee_fen >= 0 AND extra_kg_fee_fen >= 0
                                     AND (free_over_fen IS NULL OR free_over_fen >= 0))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A product belongs to one origin village (and so to the agency that serves it).
CREATE TABLE product (
  id                    BIGINT        NOT NULL AUTO_INCREMENT,
  agency_id             BIGINT        NOT NULL COMMENT 'denormalised from the village for scoping',
  village_id            BIGINT        NOT NULL,
  category_id           BIGINT        NULL,
  shipping_template_id  BIGINT        NULL,
  name                  VARCHAR(60)   NOT NULL,
  subtitle              VARCHAR(120)  NULL,
  description           TEXT          NULL,
  perishable            TINYINT(1)    NOT NULL DEFAULT 0 COMMENT 'no 7-day no-reason return; quality claims within 48 h',
  status                VARCHAR(16)   NOT NULL DEFAULT 'DRAFT',
  off_sale_reason       VARCHAR(32)   NULL COMMENT 'MANUAL | CERT_EXPIRED | ...',
  sales_units           BIGINT        NOT NULL DEFAULT 0,
  min_price_fen         BIGINT        NULL COMMENT 'lowest on-sale SKU price, for sorting and filters',
  on_sale_at            DATETIME(3)   NULL,
  created_at            DATETIME(3)   NOT NULL,
  updated_at            DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  KEY idx_product_village (village_id, status),
  KEY idx_product_agency (agency_id, status),
  KEY idx_product_category (category_id, status),
  KEY idx_product_sales (status, sales_units),
  KEY idx_product_price (status, min_price_fen),
  KEY idx_product_new (status, on_sale_at),
  CONSTRAINT fk_product_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
  CONSTRAINT fk_product_village FOREIGN KEY (village_id) REFERENCES village (id),
  CONSTRAINT fk_product_category FOREIGN KEY (category_id) REFERENCES product_category (id),
  CONSTRAINT fk_product_shipping FOREIGN KEY (shipping_template_id) REFERENCES shipping_template (id),
  CONSTRAINT ck_product_status CHECK (status IN ('DRAFT','ON_SALE','OFF_SALE'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A SKU is what is bought. stock is the units still available to sell (the truth; reserved with
-- a conditional UPDATE ... WHERE stock >= n). report_milli_units converts one unit into the
-- reporting unit 斤 ×1000 (1 箱 = 10 斤 -> 10000; 1 公斤 -> 2000; 件/盒 without weight -> 0).
CREATE TABLE sku (
  id                    BIGINT        NOT NULL AUTO_INCREMENT,
  product_id            BIGINT        NOT NULL,
  spec                  VARCHAR(60)   NOT NULL COMMENT 'e.g. 5斤装 / 一级果 10斤',
  unit                  VARCHAR(8)    NOT NULL COMMENT 'JIN 斤 | KG 公斤 | PIECE 件 | BOX 箱 | CASE 盒',
  report_milli_units    BIGINT        NOT NULL DEFAULT 0,
  weight_grams          INT           NOT NULL DEFAULT 0 COMMENT 'shipping weight of one unit',
  price_fen             BIGINT        NOT NULL,
  stock                 INT           NOT NULL DEFAULT 0,
  sold_units            BIGINT        NOT NULL DEFAULT 0,
  max_per_order         INT           NOT NULL DEFAULT 99,
  household_id          BIGINT        NULL COMMENT 'when set, all income of this SKU goes to that household',
  status                VARCHAR(16)   NOT NULL DEFAULT 'ACTIVE',
  created_at            DATETIME(3)   NOT NULL,
  updated_at            DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  KEY idx_sku_product (product_id),
  CONSTRAINT fk_sku_product FOREIGN KEY (product_id) REFERENCES product (id),
  CONSTRAINT fk_sku_household FOREIGN KEY (household_id) REFERENCES household (id),
  CONSTRAINT ck_sku_unit CHECK (unit IN ('JIN','KG','PIECE','BOX','CASE')),
  CONSTRAINT ck_sku_status CHECK (status IN ('ACTIVE','DISABLED')),
  CONSTRAINT ck_sku_price CHECK (price_fen > 0 AND price_fen <= 10000000000),
  CONSTRAINT ck_sku_stock CHECK (stock >= 0),
  CONSTRAINT ck_sku_max CHECK (max_per_order BETWEEN 1 AND 9999),
  CONSTRAINT ck_sku_report CHECK (report_milli_units >= 0 AND weight_grams >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Source lots: which household supplied how many units of a SKU, and how it earns from a sale:
-- either a purchase price 收购价 per unit (fen) or a share of the line's net amount (basis points).
CREATE TABLE source_lot (
  id                    BIGINT        NOT NULL AUTO_INCREMENT,
  sku_id                BIGINT        NOT NULL,
  household_id          BIGINT        NOT NULL,
  units_supplied        INT           NOT NULL,
  units_allocated       INT           NOT NULL DEFAULT 0 COMMENT 'consumed FIFO by paid order lines',
  purchase_price_fen    BIGINT        NULL,
  income_share_bp       INT           NULL,
  received_on           DATE          NOT NULL,
  created_at            DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  KEY idx_lot_sku_fifo (sku_id, received_on, id),
  KEY idx_lot_household (household_id),
  CONSTRAINT fk_lot_sku FOREIGN KEY (sku_id) REFERENCES sku (id),
  CONSTRAINT fk_lot_household FOREIGN KEY (household_id) REFERENCES household (id),
  CONSTRAINT ck_lot_units CHECK (units_supplied > 0 AND units_allocated >= 0 AND units_allocated <= units_supplied),
  CONSTRAINT ck_lot_rule CHECK ((purchase_price_fen IS NOT NULL AND purchase_price_fen >= 0 AND income_share_bp IS NULL)
                             OR (purchase_price_fen IS NULL AND income_share_bp BETWEEN 1 AND 10000))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
