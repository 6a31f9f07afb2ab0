package cn.zhunong.live.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The session's sales figures from orders, GMV, buyers and unique viewers (no Spring, no Redis). */
class SessionSalesTest {

    @Test
    void conversionIsBuyersPerUniqueViewerAndGpmIsGmvPerThousandViewers() {
        SessionSales.Sales sales = SessionSales.Sales.of(12, 359_880, 9, 3_000);
        assertThat(sales.conversion()).isEqualByComparingTo("0.003");
        // 3,598.80 yuan over 3,000 viewers: 119,960 fen per 1,000 viewers
        assertThat(sales.gpmFen()).isEqualTo(119_960);
    }

    @Test
    void roundsHalfUpToSixDecimalsAndWholeFen() {
        SessionSales.Sales sales = SessionSales.Sales.of(1, 1, 1, 3);
        assertThat(sales.conversion()).isEqualByComparingTo("0.333333");
        assertThat(sales.gpmFen()).isEqualTo(333); // 1 × 1000 / 3 = 333.33
        assertThat(SessionSales.Sales.of(2, 2, 2, 3).conversion()).isEqualByComparingTo("0.666667");
        assertThat(SessionSales.Sales.of(1, 1, 1, 2_000).gpmFen()).isEqualTo(1); // 0.5 rounds up
    }

    @Test
    void withoutViewersBothRatiosAreZero() {
        SessionSales.Sales sales = SessionSales.Sales.of(1, 990, 1, 0);
        assertThat(sales.conversion()).isEqualByComparingTo("0");
        assertThat(sales.gpmFen()).isZero();
        assertThat(sales.orders()).isEqualTo(1);
        assertThat(sales.gmvFen()).isEqualTo(990);
    }
}
