package cn.zhunong.mall.ledger;

/** What an event call did: posted now, or nothing because the same event was already recorded. */
public enum PostResult {
    POSTED,
    ALREADY_POSTED
}
