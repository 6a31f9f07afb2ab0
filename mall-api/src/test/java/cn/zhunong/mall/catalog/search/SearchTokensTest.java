package cn.zhunong.mall.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTokensTest {

    private static List<String> indexed(String... texts) {
        return Arrays.asList(SearchTokens.index(Arrays.asList(texts)).split(" "));
    }

    private static List<String> required(String query) {
        return SearchTokens.booleanQuery(query).map(q -> Arrays.stream(q.split(" ")).map(t -> t.substring(1)).toList())
                .orElse(List.of());
    }

    @Test
    void hanTextIsIndexedAsCharactersAndOverlappingPairs() {
        // 百 U+767E, 香 U+9999, 果 U+679C
        assertThat(indexed("百香果")).containsExactly("u0767e", "b0767e09999", "u09999", "b099990679c", "u0679c");
    }

    @Test
    void aQueryRequiresEveryPairAndMatchesOnlyAdjacentCharacters() {
        assertThat(SearchTokens.booleanQuery("百香果")).contains("+b0767e09999 +b099990679c");
        List<String> index = indexed("百香果 5斤装");
        assertThat(index).containsAll(required("百香果")).containsAll(required("香果")).containsAll(required("果"));
        assertThat(index).doesNotContainAnyElementsOf(required("百果"));
    }

    @Test
    void aSingleCharacterQueryUsesTheCharacterToken() {
        assertThat(required("蜜")).containsExactly(String.format("u%05x", (int) '蜜'));
    }

    @Test
    void wordsAndNumbersAreTokensOfTheirOwnAndSpacesSeparateTerms() {
        assertThat(indexed("A级 红心猕猴桃 5kg")).contains("wda", "wd5kg");
        assertThat(required("从江 香猪")).hasSize(2);
        // full-width letters and digits are the same as ASCII ones
        assertThat(required("ＡＢＣ１２")).containsExactly("wdabc12");
    }

    @Test
    void everyTokenIsLongEnoughForTheDefaultMinimumTokenSize() {
        assertThat(indexed("a 1 果 百香果 x")).allSatisfy(t -> assertThat(t.length()).isGreaterThanOrEqualTo(3));
    }

    @Test
    void noTokenIsADefaultInnoDbStopword() {
        // "www", "com", "the", "und" ... are dropped by InnoDB; a letter "w" must not turn into one of them
        assertThat(indexed("w com the und a")).containsExactly("wdw", "wdcom", "wdthe", "wdund", "wda");
    }

    @Test
    void punctuationAloneIsNothingToSearchFor() {
        assertThat(SearchTokens.booleanQuery("！？、 -- ")).isEmpty();
        assertThat(SearchTokens.booleanQuery(null)).isEmpty();
        assertThat(SearchTokens.index(Arrays.asList(null, ""))).isEmpty();
    }
}
