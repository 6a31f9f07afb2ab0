package cn.zhunong.mall.catalog.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns text into full-text tokens that the built-in InnoDB parser of both MySQL and MariaDB
 * indexes unchanged (see V6__catalog_listing.sql for why there is no ngram parser).
 * <ul>
 *   <li>Text is NFKC-normalised (full-width letters and digits become ASCII) and lower-cased.</li>
 *   <li>A run of ASCII letters and digits is a word: token {@code wd<word>} (not {@code ww}: "w" would
 *       become the stopword "www").</li>
 *   <li>A run of other letters (Han characters and the like) gives one token per character
 *       ({@code u<5 hex digits>}) and one per overlapping pair ({@code b<10 hex digits>}), so
 *       "百香果" is found by 百香果, 香果 or 果 but not by 百果.</li>
 *   <li>Everything else separates runs.</li>
 * </ul>
 * Every token is at least 3 characters (innodb_ft_min_token_size defaults to 3 on both servers and
 * would drop two-character tokens) and none is a default stopword. A query is encoded the same way,
 * using pairs for runs of two or more characters, and every token is required.
 */
public final class SearchTokens {

    private static final int MAX_WORD_LENGTH = 60;
    private static final int MAX_QUERY_TOKENS = 32;

    private SearchTokens() {
    }

    /** The tokens to index for these texts (nulls are skipped), distinct and space-separated. */
    public static String index(Collection<String> texts) {
        Set<String> tokens = new LinkedHashSet<>();
        for (String text : texts) {
            for (Run run : runs(text)) {
                tokens.addAll(run.indexTokens());
            }
        }
        return String.join(" ", tokens);
    }

    /** A boolean-mode query that requires every token of {@code text}, or empty when nothing in it is searchable. */
    public static Optional<String> booleanQuery(String text) {
        Set<String> tokens = new LinkedHashSet<>();
        for (Run run : runs(text)) {
            tokens.addAll(run.queryTokens());
        }
        if (tokens.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(tokens.stream().limit(MAX_QUERY_TOKENS).map(t -> "+" + t).collect(Collectors.joining(" ")));
    }

    static List<Run> runs(String text) {
        List<Run> runs = new ArrayList<>();
        if (text == null) {
            return runs;
        }
        String normalised = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder current = new StringBuilder();
        boolean currentIsWord = false;
        for (int i = 0; i < normalised.length(); ) {
            int cp = normalised.codePointAt(i);
            i += Character.charCount(cp);
            boolean word = cp < 0x80 && Character.isLetterOrDigit(cp);
            boolean letter = !word && cp >= 0x80 && Character.isLetterOrDigit(cp);
            if ((!word && !letter) || (!current.isEmpty() && word != currentIsWord)) {
                flush(runs, current, currentIsWord);
            }
            if (word || letter) {
                current.appendCodePoint(cp);
                currentIsWord = word;
            }
        }
        flush(runs, current, currentIsWord);
        return runs;
    }

    private static void flush(List<Run> runs, StringBuilder current, boolean word) {
        if (!current.isEmpty()) {
            runs.add(new Run(current.toString(), word));
            current.setLength(0);
        }
    }

    record Run(String text, boolean word) {

        List<String> indexTokens() {
            if (word) {
                return List.of(wordToken());
            }
            int[] cps = text.codePoints().toArray();
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < cps.length; i++) {
                tokens.add(unigram(cps[i]));
                if (i + 1 < cps.length) {
                    tokens.add(bigram(cps[i], cps[i + 1]));
                }
            }
            return tokens;
        }

        List<String> queryTokens() {
            if (word) {
                return List.of(wordToken());
            }
            int[] cps = text.codePoints().toArray();
            if (cps.length == 1) {
                return List.of(unigram(cps[0]));
            }
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i + 1 < cps.length; i++) {
                tokens.add(bigram(cps[i], cps[i + 1]));
            }
            return tokens;
        }

        private String wordToken() {
            return "wd" + (text.length() > MAX_WORD_LENGTH ? text.substring(0, MAX_WORD_LENGTH) : text);
        }

        private static String unigram(int cp) {
            return String.format("u%05x", cp);
        }

        private static String bigram(int first, int second) {
            return String.format("b%05x%05x", first, second);
        }
    }
}
