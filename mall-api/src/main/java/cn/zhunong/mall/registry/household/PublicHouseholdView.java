package cn.zhunong.mall.registry.household;

/** All that citizens may ever see of a household, and only when it consented. */
public record PublicHouseholdView(String publicAlias, String villageName) {
}
