package cn.zhunong.mall.registry.household;

/** The personal values of a household that can be revealed in full. */
public enum PiiField {
    ID_NUMBER,
    BANK_ACCOUNT,
    PHONE
}
