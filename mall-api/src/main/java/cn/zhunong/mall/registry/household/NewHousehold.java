package cn.zhunong.mall.registry.household;

/**
 * A validated, normalised household about to be registered, still holding plain personal
 * values; it lives only in memory on the way to encryption.
 */
record NewHousehold(
        String headName,
        HouseholdCategory category,
        int memberCount,
        String idNumber,
        String bankAccount,
        String phone,
        boolean consentPublic,
        String publicAlias) {

    @Override
    public String toString() {
        return "NewHousehold[category=" + category + ", memberCount=" + memberCount + "]";
    }
}
