-- In-room flash sales (秒杀) and the sales figures of a live session.
-- A flash sale lives in Redis while it runs (live-room starts it, mall-api takes its units); an order
-- bought in one remembers it, so closing the order unpaid gives the unit back to the sale.
ALTER TABLE orders
  ADD COLUMN flash_sale_id BIGINT NULL COMMENT 'in-room flash sale the order was bought in (id assigned by live-room)';

-- Orders, GMV and buyers of a session, counted from ORDER_PAID events attributed to it (once per
-- order); conversion = buyers / unique viewers, GPM = GMV per 1,000 unique viewers.
ALTER TABLE live_session_metrics
  ADD COLUMN orders         BIGINT        NOT NULL DEFAULT 0,
  ADD COLUMN gmv_fen        BIGINT        NOT NULL DEFAULT 0 COMMENT 'sum of paid amounts of the orders',
  ADD COLUMN buyers         BIGINT        NOT NULL DEFAULT 0 COMMENT 'distinct paying users',
  ADD COLUMN conversion     DECIMAL(9,6)  NOT NULL DEFAULT 0 COMMENT 'buyers / unique viewers',
  ADD COLUMN gpm_fen        BIGINT        NOT NULL DEFAULT 0 COMMENT 'GMV per 1,000 unique viewers';
