-- Live rooms: chat and room events for replay and audit, and the metrics of ended sessions.
-- Written by live-room (batched inserts); mall-api applies this migration with the others.
-- Live-commerce records must be kept at least 3 years: nothing in the application deletes rows
-- from live_room_event (a deleted chat message is a DELETE event pointing at it, never a DELETE).

CREATE TABLE live_room_event (
  id               BIGINT       NOT NULL COMMENT 'assigned by live-room: time-ordered, unique across nodes',
  session_id       BIGINT       NOT NULL,
  kind             VARCHAR(16)  NOT NULL COMMENT 'CHAT, ANNOUNCEMENT, EXPLAIN, MUTE, UNMUTE, KICK, DELETE, PURCHASE, END',
  actor_user_id    BIGINT       NULL COMMENT 'sender or moderator; NULL for system events',
  actor_name       VARCHAR(50)  NULL,
  actor_role       VARCHAR(16)  NULL COMMENT 'VIEWER, ASSISTANT, HOST, ADMIN, SYSTEM',
  target_user_id   BIGINT       NULL COMMENT 'MUTE, UNMUTE, KICK: whom',
  target_event_id  BIGINT       NULL COMMENT 'DELETE: the chat message removed',
  text             VARCHAR(500) NULL COMMENT 'as shown to viewers (sensitive words masked)',
  original_text    VARCHAR(500) NULL COMMENT 'as typed, only when the filter changed it (audit)',
  payload          TEXT         NULL COMMENT 'JSON details of non-chat events',
  occurred_at      DATETIME(3)  NOT NULL,
  node_id          VARCHAR(64)  NOT NULL COMMENT 'the live-room node that accepted it',
  PRIMARY KEY (id),
  KEY idx_room_event_session_kind_time (session_id, kind, occurred_at, id),
  KEY idx_room_event_target (target_event_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Written once when a session ends (again, idempotently, if it is ended twice). Orders, GMV,
-- conversion and GPM come with in-room orders.
CREATE TABLE live_session_metrics (
  session_id       BIGINT       NOT NULL,
  peak_viewers     INT          NOT NULL,
  unique_viewers   BIGINT       NOT NULL,
  likes            BIGINT       NOT NULL,
  chat_messages    BIGINT       NOT NULL,
  started_at       DATETIME(3)  NULL COMMENT 'first activity seen in the room',
  ended_at         DATETIME(3)  NOT NULL,
  updated_at       DATETIME(3)  NOT NULL,
  PRIMARY KEY (session_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
