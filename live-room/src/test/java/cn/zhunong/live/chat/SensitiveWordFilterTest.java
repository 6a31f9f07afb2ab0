package cn.zhunong.live.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SensitiveWordFilterTest {

    private final SensitiveWordFilter filter = new SensitiveWordFilter(List.of("加微信", "微信", "刷单", "VX", "# comment", " "));

    @Test
    void masksEveryOccurrenceOfEveryWord() {
        assertThat(filter.size()).isEqualTo(4);
        assertThat(filter.mask("刷单返现，加微信详聊，微信号见主页")).isEqualTo("**返现，***详聊，**号见主页");
    }

    @Test
    void ignoresCaseFullWidthFormsAndNoiseBetweenCharacters() {
        assertThat(filter.mask("加vx")).isEqualTo("加**");
        assertThat(filter.mask("加ＶＸ")).isEqualTo("加**");
        assertThat(filter.mask("加 微-信")).isEqualTo("* ***");
        assertThat(filter.mask("刷。单")).isEqualTo("***");
    }

    @Test
    void leavesCleanTextAloneAndHandlesOverlaps() {
        String clean = "黄皮好甜，明天还买";
        assertThat(filter.mask(clean)).isSameAs(clean);
        assertThat(filter.mask("")).isEmpty();
        assertThat(filter.mask(null)).isNull();
        // "微信" inside "加微信" and a partial prefix before a real match
        assertThat(filter.mask("加加微信")).isEqualTo("加***");
        assertThat(new SensitiveWordFilter(List.of("abcd", "bc")).mask("abcbcd")).isEqualTo("a****d");
    }

    @Test
    void parsesAListFile() {
        assertThat(SensitiveWordFilter.parseList("# header\n傻逼\n\n  刷单  \r\n")).containsExactly("傻逼", "刷单");
    }
}
