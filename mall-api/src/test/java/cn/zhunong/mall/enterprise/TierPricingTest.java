package cn.zhunong.mall.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TierPricingTest {

    private static final List<PriceTier> TIERS = List.of(new PriceTier(200, 800), new PriceTier(100, 900));

    @Test
    void theHighestThresholdReachedSetsThePrice() {
        assertThat(TierPricing.unitPrice(1_000, TIERS, 1)).isEqualTo(1_000);
        assertThat(TierPricing.unitPrice(1_000, TIERS, 99)).isEqualTo(1_000);
        assertThat(TierPricing.unitPrice(1_000, TIERS, 100)).isEqualTo(900);
        assertThat(TierPricing.unitPrice(1_000, TIERS, 199)).isEqualTo(900);
        assertThat(TierPricing.unitPrice(1_000, TIERS, 200)).isEqualTo(800);
        assertThat(TierPricing.unitPrice(1_000, TIERS, 100_000)).isEqualTo(800);
        assertThat(TierPricing.unitPrice(1_000, List.of(), 500)).isEqualTo(1_000);
    }

    @Test
    void neverAboveTheSkuPrice() {
        // the SKU became cheaper than a tier set earlier
        assertThat(TierPricing.unitPrice(850, TIERS, 100)).isEqualTo(850);
        assertThat(TierPricing.unitPrice(850, TIERS, 200)).isEqualTo(800);
    }
}
