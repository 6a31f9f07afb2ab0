-- How an order was paid. Online orders pay through Alipay; 企业团购 may pay by bank transfer
-- (对公转账, confirmed by a platform admin with proof); sales-fair (展销) orders are paid on the
-- spot (cash or a personal QR code) and recorded by agency staff with evidence. The ledger debits
-- one clearing account per method, and only ALIPAY orders are expected in Alipay's trade bill.
ALTER TABLE orders ADD COLUMN payment_method VARCHAR(16) NOT NULL DEFAULT 'ALIPAY';
ALTER TABLE orders ADD CONSTRAINT ck_order_payment_method CHECK (payment_method IN ('ALIPAY','BANK_TRANSFER','OFFLINE'));
