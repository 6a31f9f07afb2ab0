package cn.zhunong.mall.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderNumbersTest {

    @Test
    void aNumberIsZnTheMillisecondsThenThreeNodeAndFiveSequenceDigits() {
        Instant at = Instant.ofEpochMilli(1_763_900_000_123L);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_001; i++) {
            String number = OrderNumbers.next(at);
            assertThat(number).matches("ZN1763900000123\\d{8}");
            seen.add(number);
        }
        // the sequence wraps after 100,000 numbers: exactly one repeat within one millisecond
        assertThat(seen).hasSize(100_000);
    }
}
