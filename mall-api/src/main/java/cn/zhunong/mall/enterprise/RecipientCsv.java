package cn.zhunong.mall.enterprise;

import cn.zhunong.mall.infra.web.ApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads and checks a recipient CSV (收货人,手机号,省份代码,详细地址) in the style of the household
 * import: UTF-8 (BOM or not) or else GB18030; file-level problems reject the file with a 400 code;
 * every bad row is reported with its physical line (header = line 1), field and reason, never the
 * value. The rules are those of an order's {@code ShippingAddress}, so a good row always places.
 */
final class RecipientCsv {

    static final List<String> HEADER = List.of("收货人", "手机号", "省份代码", "详细地址");
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();
    private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern PROVINCE = Pattern.compile("1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|81|82");

    private RecipientCsv() {
    }

    record Recipient(int line, String name, String phone, String provinceCode, String address) {
    }

    record RowError(long line, String field, String column, String reason) {
    }

    record Parsed(List<Recipient> recipients, List<RowError> errors) {
    }

    static Parsed read(byte[] bytes, int maxRows) {
        String text = decode(bytes);
        if (text.isBlank()) {
            throw ApiException.badRequest("CSV_EMPTY", "文件为空");
        }
        List<Recipient> recipients = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        boolean headerSeen = false;
        int rows = 0;
        try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
            for (CSVRecord record : parser) {
                List<String> cells = cells(record);
                if (cells.isEmpty()) {
                    continue;
                }
                if (!headerSeen) {
                    if (!cells.equals(HEADER)) {
                        throw ApiException.badRequest("CSV_HEADER_INVALID", "表头不正确，第 1 行应为：" + String.join(",", HEADER));
                    }
                    headerSeen = true;
                    continue;
                }
                if (++rows > maxRows) {
                    throw ApiException.badRequest("TOO_MANY_ROWS", "一次最多 " + maxRows + " 位收货人，请拆分团购单");
                }
                check(lineAt(text, record.getCharacterPosition()), cells, recipients, errors);
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw ApiException.badRequest("CSV_MALFORMED", "CSV 格式错误（引号不匹配或结构损坏）");
        }
        if (rows == 0) {
            throw ApiException.badRequest("CSV_EMPTY", "文件只有表头，没有数据行");
        }
        return new Parsed(recipients, errors);
    }

    private static void check(int line, List<String> cells, List<Recipient> good, List<RowError> errors) {
        int before = errors.size();
        String name = cell(cells, 0);
        String phone = cell(cells, 1);
        String province = cell(cells, 2);
        String address = cell(cells, 3);
        if (cells.size() > HEADER.size()) {
            errors.add(new RowError(line, null, null, "列数多于表头"));
        }
        if (name.isEmpty() || name.length() > 50) {
            errors.add(new RowError(line, "name", HEADER.get(0), name.isEmpty() ? "不能为空" : "不能超过 50 个字"));
        }
        if (!PHONE.matcher(phone).matches()) {
            errors.add(new RowError(line, "phone", HEADER.get(1), "须为 11 位手机号"));
        }
        if (!PROVINCE.matcher(province).matches()) {
            errors.add(new RowError(line, "provinceCode", HEADER.get(2), "须为 2 位省级行政区划代码"));
        }
        if (address.isEmpty() || address.length() > 200) {
            errors.add(new RowError(line, "address", HEADER.get(3), address.isEmpty() ? "不能为空" : "不能超过 200 个字"));
        }
        if (errors.size() == before) {
            good.add(new Recipient(line, name, phone, province, address));
        }
    }

    private static String cell(List<String> cells, int index) {
        return index < cells.size() ? cells.get(index) : "";
    }

    /** UTF-8 if the bytes are valid UTF-8, else GB18030 (Excel in China saves GBK); a BOM is dropped. */
    static String decode(byte[] bytes) {
        String text = strict(StandardCharsets.UTF_8, bytes).or(() -> strict(GB18030, bytes))
                .orElseThrow(RecipientCsv::unreadable);
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

    private static Optional<String> strict(Charset charset, byte[] bytes) {
        try {
            return Optional.of(charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static ApiException unreadable() {
        return ApiException.badRequest("CSV_UNREADABLE", "文件不是 UTF-8 或 GBK 编码的 CSV 文本");
    }

    /** Stripped cells without trailing empty ones (Excel pads rows with commas). */
    private static List<String> cells(CSVRecord record) {
        List<String> cells = new ArrayList<>(record.size());
        record.forEach(value -> cells.add(value.strip()));
        int end = cells.size();
        while (end > 0 && cells.get(end - 1).isEmpty()) {
            end--;
        }
        return List.copyOf(cells.subList(0, end));
    }

    /** 1-based physical line of a character offset; CRLF, LF and a lone CR each end a line. */
    private static int lineAt(String text, long position) {
        int line = 1;
        for (int i = 0; i < position && i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
            }
        }
        return line;
    }
}
