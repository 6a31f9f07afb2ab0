-- Live sessions (村播 直播场次) of an active village–streamer pairing, and their shelf (小黄车).

CREATE TABLE live_session (
  id                    BIGINT       NOT NULL AUTO_INCREMENT,
  pairing_id            BIGINT       NOT NULL,
  village_id            BIGINT       NOT NULL,
  agency_id             BIGINT       NOT NULL COMMENT 'the village''s agency, denormalised for scoping',
  streamer_id           BIGINT       NOT NULL,
  title                 VARCHAR(60)  NOT NULL,
  scheduled_start       DATETIME(3)  NOT NULL,
  scheduled_end         DATETIME(3)  NOT NULL,
  status                VARCHAR(16)  NOT NULL,
  stream_name           VARCHAR(64)  NOT NULL,
  started_at            DATETIME(3)  NULL,
  ended_at              DATETIME(3)  NULL,
  created_by            BIGINT       NOT NULL,
  created_at            DATETIME(3)  NOT NULL,
  updated_at            DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_live_stream_name (stream_name),
  KEY idx_live_status_start (status, scheduled_start),
  KEY idx_live_agency (agency_id, scheduled_start),
  KEY idx_live_streamer (streamer_id, scheduled_start),
  CONSTRAINT fk_live_pairing FOREIGN KEY (pairing_id) REFERENCES village_streamer_pairing (id),
  CONSTRAINT fk_live_village FOREIGN KEY (village_id) REFERENCES village (id),
  CONSTRAINT fk_live_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
  CONSTRAINT fk_live_streamer FOREIGN KEY (streamer_id) REFERENCES streamer (id),
  CONSTRAINT ck_live_status CHECK (status IN ('SCHEDULED','LIVE','ENDED','CANCELLED')),
  CONSTRAINT ck_live_period CHECK (scheduled_end > scheduled_start)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE live_session_shelf (
  session_id            BIGINT       NOT NULL,
  position              INT          NOT NULL,
  sku_id                BIGINT       NOT NULL,
  PRIMARY KEY (session_id, position),
  UNIQUE KEY uk_shelf_sku (session_id, sku_id),
  CONSTRAINT fk_shelf_session FOREIGN KEY (session_id) REFERENCES live_session (id),
  CONSTRAINT fk_shelf_sku FOREIGN KEY (sku_id) REFERENCES sku (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
