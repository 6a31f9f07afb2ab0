package cn.zhunong.mall.ledger.allocation;

/** How a household earns from the units credited to it. */
public enum IncomeRule {
    /** 收购价: a fixed price per unit (fen), from the source lot. */
    PURCHASE_PRICE,
    /** A share of the line's net amount in basis points, from the source lot. */
    INCOME_SHARE,
    /** The SKU names its household: all of the line's net amount goes to it (10000 bp, no lots). */
    SKU_HOUSEHOLD
}
