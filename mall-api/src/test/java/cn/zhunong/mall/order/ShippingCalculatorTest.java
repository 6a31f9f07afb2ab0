package cn.zhunong.mall.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhunong.mall.infra.web.ApiException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShippingCalculatorTest {

    private static final ShippingRule FLAT = new ShippingRule(1, ShippingRule.Mode.FLAT, 800, 0, 0, 9900L, Set.of("54", "65"));
    private static final ShippingRule WEIGHT = new ShippingRule(2, ShippingRule.Mode.BY_WEIGHT, 0, 1000, 500, null, Set.of());
    private static final ShippingRule FREE = new ShippingRule(3, ShippingRule.Mode.FREE, 0, 0, 0, null, Set.of());

    @Test
    void flatFeeIsChargedOncePerParcelAndWaivedFromTheFreeOverAmount() {
        assertThat(ShippingCalculator.fee(new ShippingCalculator.Parcel(FLAT, 5000, 3000), "44")).isEqualTo(800);
        assertThat(ShippingCalculator.fee(new ShippingCalculator.Parcel(FLAT, 9899, 3000), "44")).isEqualTo(800);
        assertThat(ShippingCalculator.fee(new ShippingCalculator.Parcel(FLAT, 9900, 3000), "44")).isZero();
    }

    @Test
    void byWeightChargesTheFirstKilogramAndEachStartedFurtherKilogram() {
        assertThat(fee(WEIGHT, 0)).isEqualTo(1000);
        assertThat(fee(WEIGHT, 1000)).isEqualTo(1000);
        assertThat(fee(WEIGHT, 1001)).isEqualTo(1500);
        assertThat(fee(WEIGHT, 2000)).isEqualTo(1500);
        assertThat(fee(WEIGHT, 2500)).isEqualTo(2000);
        assertThat(fee(WEIGHT, 10_000)).isEqualTo(1000 + 9 * 500);
    }

    @Test
    void freeTemplatesAndLinesWithoutTemplateShipFree() {
        assertThat(fee(FREE, 50_000)).isZero();
        assertThat(fee(ShippingRule.NONE, 50_000)).isZero();
    }

    @Test
    void anExcludedProvinceIsNotServedEvenWhenShippingWouldBeFree() {
        assertThatThrownBy(() -> ShippingCalculator.fee(new ShippingCalculator.Parcel(FLAT, 100_000, 0), "54"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("REGION_NOT_SERVED");
                    assertThat(e.status().value()).isEqualTo(422);
                });
    }

    @Test
    void anOrderPaysTheSumOverItsParcels() {
        long total = ShippingCalculator.fee(List.of(new ShippingCalculator.Parcel(FLAT, 5000, 0),
                new ShippingCalculator.Parcel(WEIGHT, 3000, 1500), new ShippingCalculator.Parcel(FREE, 1, 1)), "44");
        assertThat(total).isEqualTo(800 + 1500);
    }

    private static long fee(ShippingRule rule, long grams) {
        return ShippingCalculator.fee(new ShippingCalculator.Parcel(rule, 100, grams), "44");
    }
}
