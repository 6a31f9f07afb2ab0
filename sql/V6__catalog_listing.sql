-- Catalog listings: campaign tags, certifications, images and the Chinese search index.
-- Accepted by MySQL 8.0+ and MariaDB 10.11+.

-- Top-level category names must be unique too; uk_category_parent_name does not see them because
-- NULL parent_ids never collide in a unique key.
ALTER TABLE product_category
  ADD COLUMN parent_key BIGINT AS (COALESCE(parent_id, 0)) STORED,
  ADD UNIQUE KEY uk_category_parent_key_name (parent_key, name);

-- Campaign tags (以购代捐, 村村播 家家富 ...) that products are filed under; the code is used in URLs.
CREATE TABLE campaign_tag (
  id               BIGINT       NOT NULL AUTO_INCREMENT,
  code             VARCHAR(32)  NOT NULL,
  name             VARCHAR(32)  NOT NULL,
  sort_order       INT          NOT NULL DEFAULT 0,
  created_at       DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_campaign_tag_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE product_campaign_tag (
  product_id       BIGINT       NOT NULL,
  tag_id           BIGINT       NOT NULL,
  PRIMARY KEY (product_id, tag_id),
  KEY idx_pct_tag (tag_id),
  CONSTRAINT fk_pct_product FOREIGN KEY (product_id) REFERENCES product (id),
  CONSTRAINT fk_pct_tag FOREIGN KEY (tag_id) REFERENCES campaign_tag (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Certifications a product claims. valid_to is the last valid day (Asia/Shanghai); once it has
-- passed, the product may not be on sale (a job and every storefront read take it off sale).
CREATE TABLE product_certification (
  id               BIGINT       NOT NULL AUTO_INCREMENT,
  product_id       BIGINT       NOT NULL,
  type             VARCHAR(32)  NOT NULL COMMENT 'POVERTY_ALLEVIATION 扶贫产品认定 | GEOGRAPHICAL_INDICATION 地理标志 | GREEN 绿色 | ORGANIC 有机',
  number           VARCHAR(64)  NOT NULL,
  issuer           VARCHAR(100) NOT NULL,
  valid_from       DATE         NOT NULL,
  valid_to         DATE         NOT NULL,
  created_at       DATETIME(3)  NOT NULL,
  updated_at       DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_cert_product_type_number (product_id, type, number),
  KEY idx_cert_valid_to (valid_to),
  CONSTRAINT fk_cert_product FOREIGN KEY (product_id) REFERENCES product (id),
  CONSTRAINT ck_cert_type CHECK (type IN ('POVERTY_ALLEVIATION','GEOGRAPHICAL_INDICATION','GREEN','ORGANIC')),
  CONSTRAINT ck_cert_period CHECK (valid_to >= valid_from)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Images live in an ImageStorage (local disk for now) under a generated key; this is the listing's reference.
CREATE TABLE product_image (
  id               BIGINT       NOT NULL AUTO_INCREMENT,
  product_id       BIGINT       NOT NULL,
  storage_key      VARCHAR(64)  NOT NULL,
  content_type     VARCHAR(32)  NOT NULL,
  size_bytes       INT          NOT NULL,
  sort_order       INT          NOT NULL DEFAULT 0,
  created_at       DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_image_key (storage_key),
  KEY idx_image_product (product_id, sort_order),
  CONSTRAINT fk_image_product FOREIGN KEY (product_id) REFERENCES product (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Chinese search that works on MySQL 8 and MariaDB alike. InnoDB's ngram parser exists only in
-- MySQL, and the built-in parser neither splits Chinese into words nor keeps tokens shorter than
-- innodb_ft_min_token_size (3 by default on both servers). So the application writes each product's
-- searchable text (name, subtitle, village, township, county, category, campaign tags) here as
-- ASCII tokens the built-in parser indexes as they are: every Han character as u+<hex code point>,
-- every overlapping pair of them as b+<hex><hex>, every ASCII word as wd+<word>. All tokens are
-- at least 3 characters long and match no default stopword; queries are encoded the same way and
-- every token is required (+token in boolean mode). See catalog.search.SearchTokens.
CREATE TABLE product_search (
  product_id       BIGINT       NOT NULL,
  tokens           MEDIUMTEXT   NOT NULL,
  updated_at       DATETIME(3)  NOT NULL,
  PRIMARY KEY (product_id),
  FULLTEXT KEY ft_product_search_tokens (tokens),
  CONSTRAINT fk_search_product FOREIGN KEY (product_id) REFERENCES product (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
