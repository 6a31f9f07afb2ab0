package cn.zhunong.mall.infra.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FixedSizeBatchesTest {

    @Test
    void piecesAreFullChunksThenPowersOfTwoAndKeepEveryItemInOrder() {
        for (int n : new int[] {0, 1, 2, 3, 255, 256, 257, 300, 1000, 4097}) {
            List<Integer> items = IntStream.range(0, n).boxed().toList();
            List<List<Integer>> chunks = FixedSizeBatches.chunks(items);

            assertThat(chunks.stream().flatMap(List::stream).toList()).isEqualTo(items);
            assertThat(chunks).allSatisfy(chunk -> assertThat(Integer.bitCount(chunk.size())).isEqualTo(1));
            assertThat(chunks.stream().map(List::size).toList()).isSortedAccordingTo((a, b) -> b - a);
            // the remainder uses each power of two at most once: few distinct statements, each reused
            assertThat(chunks.stream().filter(c -> c.size() < 256).map(List::size).distinct().count())
                    .isEqualTo(chunks.stream().filter(c -> c.size() < 256).count());
        }
        assertThat(FixedSizeBatches.chunks(IntStream.range(0, 300).boxed().toList()).stream().map(List::size).toList())
                .containsExactly(256, 32, 8, 4);
    }

    @Test
    void aChunkSizeMustBeAPowerOfTwo() {
        assertThat(FixedSizeBatches.chunks(List.of(1, 2, 3, 4, 5), 4).stream().map(List::size).toList()).containsExactly(4, 1);
        assertThatThrownBy(() -> FixedSizeBatches.chunks(List.of(1), 48)).isInstanceOf(IllegalArgumentException.class);
    }
}
