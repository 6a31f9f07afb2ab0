package cn.zhunong.mall.ledger.reconcile.bill;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads Alipay's trade bill: the ZIP as downloaded (GBK entry names; the detail file
 * {@code <account>_<date>_业务明细.csv}, not the {@code (汇总)} summary), or that CSV alone. The CSV is
 * GBK, has {@code #} comment lines before and after the table, a tab after each text cell, and
 * closing totals ({@code #交易合计：n笔，商家实收共x元…}, {@code #退款合计…}). Every row is checked —
 * column count, business type, amounts as exact yuan with at most two decimals, times, refund
 * request numbers, no duplicates — and the totals must agree with the rows; anything else is a
 * {@link BillFormatException} naming the line. Amounts become fen exactly (BigDecimal, never double).
 */
public final class TradeBillParser {

    public static final Charset GBK = Charset.forName("GBK");
    /** Uncompressed size cap of one entry and of the whole ZIP (a guard against ZIP bombs). */
    static final long MAX_UNCOMPRESSED = 128L * 1024 * 1024;
    static final int MAX_ENTRIES = 16;

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final DateTimeFormatter CN_TIME = DateTimeFormatter.ofPattern("uuuu年MM月dd日 HH:mm:ss");
    private static final Pattern YUAN = Pattern.compile("-?\\d{1,13}(\\.\\d{1,2})?");
    private static final Pattern ACCOUNT = Pattern.compile("^#账号：\\[(.*)]\\s*$");
    private static final Pattern PERIOD = Pattern.compile("^#起始日期：\\[(.+?)]\\s*终止日期：\\[(.+?)]\\s*$");
    private static final Pattern TRADE_TOTAL = Pattern.compile("^#交易合计：(\\d+)笔，商家实收共(-?[\\d.]+)元.*$");
    private static final Pattern REFUND_TOTAL = Pattern.compile("^#退款合计：(\\d+)笔，商家实收退款共(-?[\\d.]+)元.*$");

    static final String TRADE_NO = "支付宝交易号";
    static final String OUT_TRADE_NO = "商户订单号";
    static final String TYPE = "业务类型";
    static final String FINISHED = "完成时间";
    static final String ORDER_AMOUNT = "订单金额（元）";
    static final String RECEIVED = "商家实收（元）";
    static final String REQUEST_NO = "退款批次号/请求号";

    private TradeBillParser() {
    }

    /** A ZIP (starts with {@code PK\3\4}) or the detail CSV itself. */
    public static TradeBill parse(byte[] file) {
        if (file == null || file.length == 0) {
            throw new BillFormatException(0, "账单文件为空");
        }
        return parseCsv(isZip(file) ? detailEntry(file) : file);
    }

    public static boolean isZip(byte[] file) {
        return file.length >= 4 && file[0] == 'P' && file[1] == 'K' && file[2] == 3 && file[3] == 4;
    }

    private static byte[] detailEntry(byte[] zip) {
        byte[] detail = null;
        long total = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), GBK)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    throw new BillFormatException(0, "压缩包内文件过多，不是支付宝账单");
                }
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_UNCOMPRESSED + 1));
                total += bytes.length;
                if (bytes.length > MAX_UNCOMPRESSED || total > MAX_UNCOMPRESSED) {
                    throw new BillFormatException(0, "压缩包解压后过大，不是支付宝账单");
                }
                String name = entry.getName();
                if (!entry.isDirectory() && name.endsWith("业务明细.csv") && !name.contains("汇总")) {
                    if (detail != null) {
                        throw new BillFormatException(0, "压缩包内有多个业务明细文件");
                    }
                    detail = bytes;
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new BillFormatException(0, "压缩包无法读取: " + e.getMessage());
        }
        if (detail == null) {
            throw new BillFormatException(0, "压缩包内没有业务明细文件（…_业务明细.csv）");
        }
        return detail;
    }

    static TradeBill parseCsv(byte[] csv) {
        String text;
        try {
            text = GBK.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(csv)).toString();
        } catch (CharacterCodingException e) {
            throw new BillFormatException(0, "账单不是 GBK 编码的文本");
        }
        String[] lines = text.split("\r?\n", -1);
        String account = null;
        LocalDate day = null;
        List<String> header = null;
        int[] columns = null;
        boolean ended = false;
        Long[] tradeTotal = null;
        Long[] refundTotal = null;
        List<BillRow> rows = new ArrayList<>();
        Set<String> tradeKeys = new HashSet<>();
        Set<String> refundKeys = new HashSet<>();
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                if (header != null) {
                    ended = true;
                }
                Matcher m;
                if ((m = ACCOUNT.matcher(line)).matches()) {
                    account = m.group(1).trim();
                } else if ((m = PERIOD.matcher(line)).matches()) {
                    day = period(lineNo, m.group(1), m.group(2));
                } else if ((m = TRADE_TOTAL.matcher(line)).matches()) {
                    tradeTotal = new Long[] {Long.valueOf(m.group(1)), yuan(lineNo, m.group(2), "交易合计")};
                } else if ((m = REFUND_TOTAL.matcher(line)).matches()) {
                    refundTotal = new Long[] {Long.valueOf(m.group(1)), yuan(lineNo, m.group(2), "退款合计")};
                }
                continue;
            }
            if (ended) {
                throw new BillFormatException(lineNo, "第 " + lineNo + " 行：明细列表结束后不应再有数据行");
            }
            List<String> cells = cells(lineNo, line);
            if (header == null) {
                header = cells;
                columns = new int[] {index(header, TRADE_NO), index(header, OUT_TRADE_NO), index(header, TYPE),
                        index(header, FINISHED), index(header, ORDER_AMOUNT), index(header, RECEIVED), index(header, REQUEST_NO)};
                continue;
            }
            if (cells.size() != header.size()) {
                throw new BillFormatException(lineNo, "第 " + lineNo + " 行：应有 " + header.size() + " 列，实际 " + cells.size() + " 列");
            }
            BillRow row = row(lineNo, cells, columns);
            boolean fresh = row.type() == BillRow.Type.TRADE ? tradeKeys.add(row.outTradeNo()) : refundKeys.add(row.requestNo());
            if (!fresh) {
                throw new BillFormatException(lineNo, "第 " + lineNo + " 行：重复的" + (row.type() == BillRow.Type.TRADE
                        ? "交易 " + row.outTradeNo() : "退款 " + row.requestNo()));
            }
            rows.add(row);
        }
        if (header == null) {
            throw new BillFormatException(0, "没有找到明细表头（支付宝交易号,商户订单号,…）");
        }
        if (!ended) {
            throw new BillFormatException(lines.length, "明细列表没有结束行，文件可能不完整");
        }
        checkTotal(tradeTotal, rows, BillRow.Type.TRADE, "交易合计");
        checkTotal(refundTotal, rows, BillRow.Type.REFUND, "退款合计");
        return new TradeBill(account, day, rows);
    }

    private static BillRow row(int lineNo, List<String> cells, int[] c) {
        String tradeNo = cells.get(c[0]);
        String outTradeNo = cells.get(c[1]);
        String typeText = cells.get(c[2]);
        String prefix = "第 " + lineNo + " 行：";
        if (tradeNo.isEmpty() || tradeNo.length() > 64 || outTradeNo.isEmpty() || outTradeNo.length() > 64) {
            throw new BillFormatException(lineNo, prefix + "支付宝交易号和商户订单号不能为空");
        }
        BillRow.Type type = switch (typeText) {
            case "交易" -> BillRow.Type.TRADE;
            case "退款" -> BillRow.Type.REFUND;
            default -> throw new BillFormatException(lineNo, prefix + "未知的业务类型「" + typeText + "」");
        };
        LocalDateTime finished;
        try {
            finished = LocalDateTime.parse(cells.get(c[3]), TIME);
        } catch (DateTimeParseException e) {
            throw new BillFormatException(lineNo, prefix + "完成时间格式应为 yyyy-MM-dd HH:mm:ss");
        }
        long orderFen = yuan(lineNo, cells.get(c[4]), ORDER_AMOUNT);
        long receivedFen = yuan(lineNo, cells.get(c[5]), RECEIVED);
        String requestNo = cells.get(c[6]);
        if (type == BillRow.Type.TRADE && (receivedFen <= 0 || orderFen <= 0)) {
            throw new BillFormatException(lineNo, prefix + "交易的金额应为正数");
        }
        if (type == BillRow.Type.REFUND && (receivedFen >= 0 || requestNo.isEmpty() || requestNo.length() > 64)) {
            throw new BillFormatException(lineNo, prefix + "退款应有请求号且商家实收为负数");
        }
        return new BillRow(lineNo, type, tradeNo, outTradeNo, finished.atZone(CHINA).toInstant(), orderFen, receivedFen,
                requestNo);
    }

    private static void checkTotal(Long[] total, List<BillRow> rows, BillRow.Type type, String what) {
        if (total == null) {
            return;
        }
        List<BillRow> of = rows.stream().filter(r -> r.type() == type).toList();
        long sum = of.stream().mapToLong(BillRow::receivedFen).sum();
        if (total[0] != of.size() || total[1] != sum) {
            throw new BillFormatException(0, what + "（" + total[0] + " 笔，" + BigDecimal.valueOf(total[1], 2).toPlainString()
                    + " 元）与明细（" + of.size() + " 笔，" + BigDecimal.valueOf(sum, 2).toPlainString() + " 元）不符");
        }
    }

    private static LocalDate period(int lineNo, String from, String to) {
        try {
            LocalDateTime start = LocalDateTime.parse(from.trim(), CN_TIME);
            LocalDateTime end = LocalDateTime.parse(to.trim(), CN_TIME);
            // a day's bill: [day 00:00:00, day+1 00:00:00); anything else (a month) has no single day
            if (start.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) && end.equals(start.plusDays(1))) {
                return start.toLocalDate();
            }
            return null;
        } catch (DateTimeParseException e) {
            throw new BillFormatException(lineNo, "第 " + lineNo + " 行：起始/终止日期无法识别");
        }
    }

    /** Exact yuan text (at most two decimals) to fen. */
    static long yuan(int lineNo, String text, String column) {
        if (text == null || !YUAN.matcher(text).matches()) {
            throw new BillFormatException(lineNo, "第 " + lineNo + " 行：" + column + "「" + text + "」不是金额（元，至多两位小数）");
        }
        return new BigDecimal(text).movePointRight(2).longValueExact();
    }

    private static int index(List<String> header, String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new BillFormatException(0, "明细表头缺少「" + name + "」列");
        }
        return i;
    }

    /** One CSV line (RFC 4180 quotes), each cell without Alipay's trailing tab and surrounding blanks. */
    static List<String> cells(int lineNo, String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.toString().isBlank() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
                cell.setLength(0);
            } else if (ch == ',') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
                wasQuoted = false;
            } else if (wasQuoted && !Character.isWhitespace(ch)) {
                throw new BillFormatException(lineNo, "第 " + lineNo + " 行：引号后有多余字符");
            } else {
                cell.append(ch);
            }
        }
        if (quoted) {
            throw new BillFormatException(lineNo, "第 " + lineNo + " 行：引号没有闭合");
        }
        cells.add(cell.toString().strip());
        return cells;
    }
}
