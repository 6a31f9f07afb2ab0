package cn.zhunong.mall.payment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AlipayAmountsTest {

    @Test
    void fenAndYuanConvertExactly() {
        assertThat(AlipayAmounts.yuan(1)).isEqualTo("0.01");
        assertThat(AlipayAmounts.yuan(12_30)).isEqualTo("12.30");
        assertThat(AlipayAmounts.yuan(100_000_000_00L)).isEqualTo("100000000.00");
        assertThat(AlipayAmounts.fen("12.30")).isEqualTo(1230L);
        assertThat(AlipayAmounts.fen("12.3")).isEqualTo(1230L);
        assertThat(AlipayAmounts.fen("12")).isEqualTo(1200L);
    }

    @Test
    void anythingNotAnExactAmountIsNull() {
        assertThat(AlipayAmounts.fen("12.301")).isNull();
        assertThat(AlipayAmounts.fen("-1.00")).isNull();
        assertThat(AlipayAmounts.fen("1e3")).isNull();
        assertThat(AlipayAmounts.fen("")).isNull();
        assertThat(AlipayAmounts.fen(null)).isNull();
        assertThat(AlipayAmounts.fen(" 1.00")).isNull();
    }
}
