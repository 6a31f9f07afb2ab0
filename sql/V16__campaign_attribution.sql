-- Campaign attribution beyond the code (see campaign/CampaignAttribution): a campaign may name a
-- catalog campaign tag (paid orders with a line of a tagged product count), and a 村村播 家家富
-- campaign counts the orders placed in live sessions of its pilot villages.
-- Accepted by MySQL 8.0+ and MariaDB 10.11+.

ALTER TABLE campaign
  ADD COLUMN tag_id BIGINT NULL COMMENT 'catalog campaign_tag whose products count for this campaign' AFTER organiser_agency_id,
  ADD CONSTRAINT fk_campaign_tag FOREIGN KEY (tag_id) REFERENCES campaign_tag (id);

-- attribution by live session: the paid orders of a set of sessions
CREATE INDEX idx_order_live_session ON orders (live_session_id, paid_at);

-- attribution by product tag: the lines of the tagged products
CREATE INDEX idx_line_product ON order_line (product_id, order_id);

-- the 村村播 家家富 view: a village's sessions by time
CREATE INDEX idx_live_village_start ON live_session (village_id, scheduled_start);
