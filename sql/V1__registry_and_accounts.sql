-- Foundation schema: agencies, villages, households, streamers, pairings, accounts, audit.
-- Accepted by MySQL 8.0+ and MariaDB 10.11+. utf8mb4 throughout; all timestamps are UTC
-- (the JDBC session runs in UTC); money columns, when they come, are BIGINT fen.

CREATE TABLE agency (
  id               BIGINT       NOT NULL AUTO_INCREMENT,
  name             VARCHAR(100) NOT NULL,
  type             VARCHAR(32)  NOT NULL COMMENT 'SOCIAL_WORK_ORG 社工机构 | SOCIAL_WORK_STATION 社工站 | COOPERATIVE 合作社 | ENTERPRISE 企业 | VILLAGE_COMMITTEE 村委',
  credit_code      CHAR(18)     NOT NULL COMMENT '统一社会信用代码, check digit validated by the application',
  region_code      CHAR(6)      NOT NULL COMMENT 'county-level 行政区划 code where the agency sits',
  contact_name     VARCHAR(50)  NULL,
  created_at       DATETIME(3)  NOT NULL,
  updated_at       DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_agency_credit_code (credit_code),
  KEY idx_agency_name (name),
  CONSTRAINT ck_agency_type CHECK (type IN ('SOCIAL_WORK_ORG','SOCIAL_WORK_STATION','COOPERATIVE','ENTERPRISE','VILLAGE_COMMITTEE'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 牵手计划: an aiding agency helps an aided agency within a programme, one-to-one per programme.
CREATE TABLE agency_pairing (
  id               BIGINT       NOT NULL AUTO_INCREMENT,
  aiding_agency_id BIGINT       NOT NULL,
  aided_agency_id  BIGINT       NOT NULL,
  programme        VARCHAR(64)  NOT NULL,
  start_date       DATE         NOT NULL,
  end_date         DATE         NULL,
  created_at       DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_pairing_programme_aiding (programme, aiding_agency_id),
  UNIQUE KEY uk_pairing_programme_aided (programme, aided_agency_id),
  KEY idx_pairing_aided (aided_agency_id),
  CONSTRAINT fk_pairing_aiding FOREIGN KEY (aiding_agency_id) REFERENCES agency (id),
  CONSTRAINT fk_pairing_aided FOREIGN KEY (aided_agency_id) REFERENCES agency (id),
  CONSTRAINT ck_pairing_not_self CHECK (aiding_agency_id <> aided_agency_id),
  CONSTRAINT ck_pairing_period CHECK (end_date IS NULL OR end_date >= start_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE village (
  id               BIGINT       NOT NULL AUTO_INCREMENT,
  agency_id        BIGINT       NOT NULL COMMENT 'the agency that serves this village',
  name             VARCHAR(50)  NOT NULL,
  division_code    CHAR(12)     NOT NULL COMMENT '12-digit 行政区划 (统计用区划) code of the village',
  county_code      CHAR(6)      NOT NULL,
  county_name      VARCHAR(50)  NOT NULL,
  township_name    VARCHAR(50)  NULL,
  created_at       DATETIME(3)  NOT NULL,
  updated_at       DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_village_division (division_code),
  KEY idx_village_agency (agency_id),
  KEY idx_village_county (county_code),
  KEY idx_village_name (name),
  CONSTRAINT fk_village_agency FOREIGN KEY (agency_id) REFERENCES agency (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Flags with effective dates: 国家乡村振兴重点帮扶县, 832 county, 村村播 家家富 pilot ...
CREATE TABLE village_flag (
  id               BIGINT       NOT NULL AUTO_INCREMENT,
  village_id       BIGINT       NOT NULL,
  flag             VARCHAR(32)  NOT NULL COMMENT 'KEY_ASSISTANCE_COUNTY | COUNTY_832 | PILOT_CUNCUNBO',
  effective_from   DATE         NOT NULL,
  effective_to     DATE         NULL,
  created_at       DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_village_flag_from (village_id, flag, effective_from),
  CONSTRAINT fk_village_flag_village FOREIGN KEY (village_id) REFERENCES village (id),
  CONSTRAINT ck_village_flag CHECK (flag IN ('KEY_ASSISTANCE_COUNTY','COUNTY_832','PILOT_CUNCUNBO')),
  CONSTRAINT ck_village_flag_period CHECK (effective_to IS NULL OR effective_to >= effective_from)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A household's personal data is stored encrypted (AES-GCM) with a keyed hash (HMAC-SHA256) for
-- de-duplication; only masked forms are ever returned by default.
CREATE TABLE household (
  id                   BIGINT        NOT NULL AUTO_INCREMENT,
  village_id           BIGINT        NOT NULL,
  head_name            VARCHAR(50)   NOT NULL,
  category             VARCHAR(32)   NOT NULL COMMENT 'LIFTED_OUT 脱贫户 | MONITORED 监测户 | DIBAO 低保户 | TEKUN 特困户 | OTHER',
  member_count         INT           NOT NULL DEFAULT 1,
  id_number_enc        VARBINARY(128) NOT NULL,
  id_number_hash       BINARY(32)    NOT NULL,
  id_number_masked     VARCHAR(18)   NOT NULL,
  bank_account_enc     VARBINARY(128) NULL,
  bank_account_hash    BINARY(32)    NULL,
  bank_account_masked  VARCHAR(32)   NULL,
  phone_enc            VARBINARY(96) NULL,
  phone_hash           BINARY(32)    NULL,
  phone_masked         VARCHAR(11)   NULL,
  consent_public       TINYINT(1)    NOT NULL DEFAULT 0 COMMENT 'consented to the public alias being shown to citizens',
  public_alias         VARCHAR(50)   NULL COMMENT 'e.g. 龙岗村 张**; the only name citizens may ever see',
  created_at           DATETIME(3)   NOT NULL,
  updated_at           DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_household_id_number (id_number_hash),
  KEY idx_household_village (village_id),
  KEY idx_household_head_name (head_name),
  KEY idx_household_bank_hash (bank_account_hash),
  CONSTRAINT fk_household_village FOREIGN KEY (village_id) REFERENCES village (id),
  CONSTRAINT ck_household_category CHECK (category IN ('LIFTED_OUT','MONITORED','DIBAO','TEKUN','OTHER')),
  CONSTRAINT ck_household_members CHECK (member_count BETWEEN 1 AND 50)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Category history: one row per change; the latest row equals household.category.
CREATE TABLE household_category_history (
  id               BIGINT       NOT NULL AUTO_INCREMENT,
  household_id     BIGINT       NOT NULL,
  category         VARCHAR(32)  NOT NULL,
  effective_from   DATE         NOT NULL,
  reason           VARCHAR(200) NULL,
  changed_by       BIGINT       NULL,
  created_at       DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  KEY idx_hch_household (household_id, id),
  CONSTRAINT fk_hch_household FOREIGN KEY (household_id) REFERENCES household (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE streamer (
  id                   BIGINT        NOT NULL AUTO_INCREMENT,
  agency_id            BIGINT        NULL COMMENT 'the agency that registered the streamer, if any',
  display_name         VARCHAR(50)   NOT NULL,
  real_name            VARCHAR(50)   NOT NULL,
  id_number_enc        VARBINARY(128) NOT NULL,
  id_number_hash       BINARY(32)    NOT NULL,
  id_number_masked     VARCHAR(18)   NOT NULL,
  birth_date           DATE          NOT NULL COMMENT 'from the ID number; age >= 16 is enforced',
  real_name_verified   TINYINT(1)    NOT NULL DEFAULT 0,
  mcn                  VARCHAR(100)  NULL,
  region_code          CHAR(6)       NULL,
  created_at           DATETIME(3)   NOT NULL,
  updated_at           DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_streamer_id_number (id_number_hash),
  KEY idx_streamer_display_name (display_name),
  CONSTRAINT fk_streamer_agency FOREIGN KEY (agency_id) REFERENCES agency (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 村长–主播结对. active_marker is 1 for an ACTIVE pairing and NULL otherwise, so the unique key
-- allows at most one active pairing per village–streamer pair while keeping ended ones as history.
CREATE TABLE village_streamer_pairing (
  id               BIGINT       NOT NULL AUTO_INCREMENT,
  village_id       BIGINT       NOT NULL,
  streamer_id      BIGINT       NOT NULL,
  agreement_no     VARCHAR(64)  NOT NULL,
  signed_date      DATE         NOT NULL,
  start_date       DATE         NOT NULL,
  end_date         DATE         NULL,
  public_welfare   TINYINT(1)   NOT NULL DEFAULT 0 COMMENT '公益: no commission',
  commission_bp    INT          NOT NULL DEFAULT 0 COMMENT 'streamer commission in basis points; 0 when public_welfare',
  status           VARCHAR(16)  NOT NULL,
  active_marker    TINYINT      AS (CASE WHEN status = 'ACTIVE' THEN 1 ELSE NULL END) STORED,
  created_at       DATETIME(3)  NOT NULL,
  updated_at       DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_vsp_agreement (agreement_no),
  UNIQUE KEY uk_vsp_one_active (village_id, streamer_id, active_marker),
  KEY idx_vsp_streamer (streamer_id),
  CONSTRAINT fk_vsp_village FOREIGN KEY (village_id) REFERENCES village (id),
  CONSTRAINT fk_vsp_streamer FOREIGN KEY (streamer_id) REFERENCES streamer (id),
  CONSTRAINT ck_vsp_status CHECK (status IN ('ACTIVE','SUSPENDED','ENDED')),
  CONSTRAINT ck_vsp_period CHECK (end_date IS NULL OR end_date >= start_date),
  CONSTRAINT ck_vsp_commission CHECK (commission_bp BETWEEN 0 AND 10000 AND (public_welfare = 0 OR commission_bp = 0))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Logins. Citizens log in with their phone (login_name = phone); staff, hosts and admins get a
-- login name from an admin. AGENCY_STAFF are bound to exactly one agency, HOSTs to a streamer.
CREATE TABLE user_account (
  id               BIGINT       NOT NULL AUTO_INCREMENT,
  login_name       VARCHAR(64)  NOT NULL,
  password_hash    VARCHAR(100) NOT NULL,
  role             VARCHAR(20)  NOT NULL,
  display_name     VARCHAR(50)  NOT NULL,
  agency_id        BIGINT       NULL,
  streamer_id      BIGINT       NULL,
  can_view_pii     TINYINT(1)   NOT NULL DEFAULT 0 COMMENT 'may reveal full ID / bank / phone values (audit-logged)',
  enabled          TINYINT(1)   NOT NULL DEFAULT 1,
  created_at       DATETIME(3)  NOT NULL,
  updated_at       DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_user_login (login_name),
  CONSTRAINT fk_user_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
  CONSTRAINT fk_user_streamer FOREIGN KEY (streamer_id) REFERENCES streamer (id),
  CONSTRAINT ck_user_role CHECK (role IN ('CITIZEN','HOST','AGENCY_STAFF','PLATFORM_ADMIN')),
  CONSTRAINT ck_user_staff_agency CHECK (role <> 'AGENCY_STAFF' OR agency_id IS NOT NULL)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every reveal of a full personal value is recorded here (who, what, when, which request).
CREATE TABLE pii_access_log (
  id               BIGINT       NOT NULL AUTO_INCREMENT,
  user_id          BIGINT       NOT NULL,
  subject_type     VARCHAR(20)  NOT NULL COMMENT 'HOUSEHOLD | STREAMER',
  subject_id       BIGINT       NOT NULL,
  fields           VARCHAR(100) NOT NULL,
  purpose          VARCHAR(200) NOT NULL,
  request_id       VARCHAR(64)  NULL,
  accessed_at      DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  KEY idx_pii_subject (subject_type, subject_id),
  KEY idx_pii_user (user_id, accessed_at),
  CONSTRAINT fk_pii_user FOREIGN KEY (user_id) REFERENCES user_account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
