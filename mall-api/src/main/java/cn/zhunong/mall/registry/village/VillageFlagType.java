package cn.zhunong.mall.registry.village;

/** Designations a village holds for a period. */
public enum VillageFlagType {
    /** 国家乡村振兴重点帮扶县 */
    KEY_ASSISTANCE_COUNTY,
    /** 832 个脱贫县（原国家级贫困县） */
    COUNTY_832,
    /** 村村播 家家富 试点村 */
    PILOT_CUNCUNBO
}
