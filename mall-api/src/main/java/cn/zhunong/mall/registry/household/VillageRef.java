package cn.zhunong.mall.registry.household;

/** What households need to know about their village: who serves it and how to show it. */
public record VillageRef(long id, long agencyId, String name, String countyName) {
}
