package cn.zhunong.mall.infra.csv;

import cn.zhunong.mall.infra.web.ApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an uploaded CSV into rows that remember their physical line number. Accepts UTF-8 (with
 * or without BOM) and, when the bytes are not valid UTF-8, GB18030 — Excel in China saves CSV as
 * GBK, which GB18030 contains. File-level problems (empty, unreadable, wrong header, too many rows,
 * broken quoting) reject the whole file with a 400; checking the cells is the caller's business.
 */
public final class CsvUpload {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();

    private CsvUpload() {
    }

    /** One data row; {@code line} is where it starts in the file, the header being line 1. */
    public record Row(long line, List<String> cells) {

        /** The stripped cell, or "" when the row is shorter. */
        public String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }
    }

    /**
     * The data rows under {@code header} (which must be the first non-blank row, exactly); more than
     * {@code maxRows} rows answer TOO_MANY_ROWS with {@code tooManyRowsMessage}.
     */
    public static List<Row> read(byte[] bytes, List<String> header, int maxRows, String tooManyRowsMessage) {
        String text = decode(bytes);
        if (text.isBlank()) {
            throw ApiException.badRequest("CSV_EMPTY", "文件为空");
        }
        LineIndex lines = new LineIndex(text);
        List<Row> rows = new ArrayList<>();
        boolean headerSeen = false;
        try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
            for (CSVRecord record : parser) {
                List<String> cells = cells(record);
                if (cells.isEmpty()) {
                    continue;
                }
                if (!headerSeen) {
                    requireHeader(cells, header);
                    headerSeen = true;
                    continue;
                }
                if (rows.size() == maxRows) {
                    throw ApiException.badRequest("TOO_MANY_ROWS", tooManyRowsMessage);
                }
                rows.add(new Row(lines.lineAt(record.getCharacterPosition()), cells));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // commons-csv reports unbalanced quotes and the like this way; its message has no cell values
            throw ApiException.badRequest("CSV_MALFORMED", "CSV 格式错误（引号不匹配或结构损坏）");
        }
        if (rows.isEmpty()) {
            throw ApiException.badRequest("CSV_EMPTY", "文件只有表头，没有数据行");
        }
        return rows;
    }

    /** UTF-8 if the bytes are valid UTF-8, else GB18030; a leading BOM is dropped. */
    public static String decode(byte[] bytes) {
        String text = strictDecode(StandardCharsets.UTF_8, bytes)
                .or(() -> strictDecode(GB18030, bytes))
                .orElseThrow(CsvUpload::unreadable);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\r' && c != '\n' && c != '\t') {
                throw unreadable();
            }
        }
        return text;
    }

    private static Optional<String> strictDecode(Charset charset, byte[] bytes) {
        try {
            return Optional.of(charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static ApiException unreadable() {
        return ApiException.badRequest("CSV_UNREADABLE", "文件不是 UTF-8 或 GBK 编码的 CSV 文本");
    }

    private static void requireHeader(List<String> cells, List<String> header) {
        if (!cells.equals(header)) {
            throw ApiException.badRequest("CSV_HEADER_INVALID", "表头不正确，第 1 行应为：" + String.join(",", header));
        }
    }

    /** Stripped cells without trailing empty ones (Excel pads rows with commas); empty for a blank row. */
    private static List<String> cells(CSVRecord record) {
        List<String> cells = new ArrayList<>(record.size());
        record.forEach(value -> cells.add(value.strip()));
        int end = cells.size();
        while (end > 0 && cells.get(end - 1).isEmpty()) {
            end--;
        }
        return List.copyOf(cells.subList(0, end));
    }

    /** Maps a character offset to its 1-based physical line; CRLF, LF and lone CR each end a line. */
    static final class LineIndex {
        private final String text;
        private final int[] starts;

        LineIndex(String text) {
            this.text = text;
            int[] found = new int[16];
            int count = 0;
            found[count++] = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                    if (count == found.length) {
                        found = Arrays.copyOf(found, count * 2);
                    }
                    found[count++] = i + 1;
                }
            }
            this.starts = Arrays.copyOf(found, count);
        }

        long lineAt(long position) {
            int pos = (int) position;
            // the parser may report a record as starting at the blank lines it skipped before it
            while (pos < text.length() && (text.charAt(pos) == '\r' || text.charAt(pos) == '\n')) {
                pos++;
            }
            int index = Arrays.binarySearch(starts, pos);
            return (index >= 0 ? index : -index - 2) + 1L;
        }
    }
}
