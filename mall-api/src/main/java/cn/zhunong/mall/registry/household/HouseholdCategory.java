package cn.zhunong.mall.registry.household;

import java.util.Arrays;
import java.util.Optional;

/** 帮扶类别 of a household; the Chinese label is what registry staff write in spreadsheets. */
public enum HouseholdCategory {
    LIFTED_OUT("脱贫户"),
    MONITORED("监测户"),
    DIBAO("低保户"),
    TEKUN("特困户"),
    OTHER("其他");

    private final String label;

    HouseholdCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Accepts the Chinese label (脱贫户 ...) or the code (LIFTED_OUT ...). */
    public static Optional<HouseholdCategory> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.strip();
        return Arrays.stream(values())
                .filter(c -> c.label.equals(value) || c.name().equalsIgnoreCase(value))
                .findFirst();
    }
}
