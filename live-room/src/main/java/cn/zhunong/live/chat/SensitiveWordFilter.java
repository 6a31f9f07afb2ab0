package cn.zhunong.live.chat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Masks sensitive words with Aho–Corasick: one pass over the text whatever the size of the word
 * list. Matching ignores case, full-width forms and "noise" between the characters (spaces,
 * punctuation, symbols: "加 微-信" still matches "加微信"); the masked span covers the noise too.
 * Immutable and thread-safe once built.
 */
public final class SensitiveWordFilter {

    private static final char MASK = '*';

    private final Node root = new Node();
    private final int size;

    public SensitiveWordFilter(Collection<String> words) {
        int count = 0;
        for (String raw : words) {
            String word = normalizeWord(raw);
            if (word.isEmpty()) {
                continue;
            }
            Node node = root;
            for (int i = 0; i < word.length(); i++) {
                node = node.next.computeIfAbsent(word.charAt(i), c -> new Node());
            }
            node.length = Math.max(node.length, word.length());
            count++;
        }
        this.size = count;
        buildFailureLinks();
    }

    public int size() {
        return size;
    }

    /** The text with every sensitive word replaced by '*' (one per character), or the same string if clean. */
    public String mask(String text) {
        if (size == 0 || text == null || text.isEmpty()) {
            return text;
        }
        // positions (in text) of the significant characters; the automaton runs over those only
        int[] positions = new int[text.length()];
        int significant = 0;
        boolean[] masked = null;
        Node node = root;
        for (int i = 0; i < text.length(); i++) {
            char c = normalizeChar(text.charAt(i));
            if (isNoise(c)) {
                continue;
            }
            positions[significant++] = i;
            while (node != root && !node.next.containsKey(c)) {
                node = node.fail;
            }
            node = node.next.getOrDefault(c, root);
            if (node.output > 0) {
                if (masked == null) {
                    masked = new boolean[text.length()];
                }
                int from = positions[significant - node.output];
                for (int j = from; j <= i; j++) {
                    masked[j] = true;
                }
            }
        }
        if (masked == null) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            out.append(masked[i] && !Character.isWhitespace(text.charAt(i)) ? MASK : text.charAt(i));
        }
        return out.toString();
    }

    private void buildFailureLinks() {
        ArrayDeque<Node> queue = new ArrayDeque<>();
        root.fail = root;
        for (Node child : root.next.values()) {
            child.fail = root;
            child.output = child.length;
            queue.add(child);
        }
        while (!queue.isEmpty()) {
            Node node = queue.poll();
            for (Map.Entry<Character, Node> edge : node.next.entrySet()) {
                char c = edge.getKey();
                Node child = edge.getValue();
                Node fail = node.fail;
                while (fail != root && !fail.next.containsKey(c)) {
                    fail = fail.fail;
                }
                Node target = fail.next.get(c);
                child.fail = target != null && target != child ? target : root;
                // the longest word ending here: the node's own, or one reachable through failure links
                child.output = Math.max(child.length, child.fail.output);
                queue.add(child);
            }
        }
    }

    private static String normalizeWord(String raw) {
        if (raw == null) {
            return "";
        }
        String trimmed = raw.strip();
        if (trimmed.startsWith("#")) {
            return "";
        }
        StringBuilder word = new StringBuilder(trimmed.length());
        for (int i = 0; i < trimmed.length(); i++) {
            char c = normalizeChar(trimmed.charAt(i));
            if (!isNoise(c)) {
                word.append(c);
            }
        }
        return word.toString();
    }

    static char normalizeChar(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') { // full-width ASCII forms
            c = (char) (c - 0xFEE0);
        } else if (c == '\u3000') {
            c = ' ';
        }
        return Character.toLowerCase(c);
    }

    static boolean isNoise(char c) {
        if (Character.isWhitespace(c) || Character.isISOControl(c)) {
            return true;
        }
        int type = Character.getType(c);
        return switch (type) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL, Character.FORMAT -> true;
            default -> false;
        };
    }

    /** For the word list loader: the lines of a list file, comments and blanks dropped. */
    public static List<String> parseList(String content) {
        List<String> words = new ArrayList<>();
        for (String line : content.split("\\R")) {
            String word = line.strip();
            if (!word.isEmpty() && !word.startsWith("#")) {
                words.add(word);
            }
        }
        return words;
    }

    private static final class Node {
        final Map<Character, Node> next = new HashMap<>();
        Node fail;
        /** length of the word ending exactly here, 0 if none */
        int length;
        /** length of the longest word ending here or at a failure-link suffix, 0 if none */
        int output;
    }
}
