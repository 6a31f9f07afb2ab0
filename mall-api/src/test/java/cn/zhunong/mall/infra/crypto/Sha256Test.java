package cn.zhunong.mall.infra.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class Sha256Test {

    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    void knownVectorsAndNoStateLeftBetweenCalls() {
        assertThat(Sha256.hex("abc")).isEqualTo(ABC);
        assertThat(Sha256.hex("")).isEqualTo(EMPTY);
        assertThat(Sha256.hex("abc")).isEqualTo(ABC);
    }

    @Test
    void threadsDoNotShareADigest() {
        List<String> hashes = IntStream.range(0, 20_000).parallel().mapToObj(i -> Sha256.hex(i % 2 == 0 ? "abc" : "")).toList();
        for (int i = 0; i < hashes.size(); i++) {
            assertThat(hashes.get(i)).isEqualTo(i % 2 == 0 ? ABC : EMPTY);
        }
    }
}
