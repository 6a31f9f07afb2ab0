package cn.zhunong.mall.registry.agency;

/** The kinds of organisation that serve villages. */
public enum AgencyType {
    /** 社工机构 */
    SOCIAL_WORK_ORG,
    /** 社工站 */
    SOCIAL_WORK_STATION,
    /** 合作社 */
    COOPERATIVE,
    /** 企业 */
    ENTERPRISE,
    /** 村委 */
    VILLAGE_COMMITTEE
}
