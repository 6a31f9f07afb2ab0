package cn.zhunong.mall.registry.streamer;

import static cn.zhunong.mall.registry.streamer.PairingStatus.ACTIVE;
import static cn.zhunong.mall.registry.streamer.PairingStatus.ENDED;
import static cn.zhunong.mall.registry.streamer.PairingStatus.SUSPENDED;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PairingStatusTest {

    @Test
    void activeAndSuspendedSwapAndBothCanEnd() {
        assertThat(ACTIVE.canMoveTo(SUSPENDED)).isTrue();
        assertThat(SUSPENDED.canMoveTo(ACTIVE)).isTrue();
        assertThat(ACTIVE.canMoveTo(ENDED)).isTrue();
        assertThat(SUSPENDED.canMoveTo(ENDED)).isTrue();
    }

    @Test
    void endedIsFinalAndNoStatusMovesToItself() {
        for (PairingStatus target : PairingStatus.values()) {
            assertThat(ENDED.canMoveTo(target)).isFalse();
        }
        assertThat(ACTIVE.canMoveTo(ACTIVE)).isFalse();
        assertThat(SUSPENDED.canMoveTo(SUSPENDED)).isFalse();
    }
}
