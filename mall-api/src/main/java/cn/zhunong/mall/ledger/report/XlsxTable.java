package cn.zhunong.mall.ledger.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A small spreadsheet builder over Apache POI: sheets of rows whose cells are text, whole numbers
 * or money (fen, shown as yuan with two decimals).
 */
final class XlsxTable implements AutoCloseable {

    /** A money cell: written as a number of yuan with the 0.00 format. */
    record Money(long fen) {
    }

    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final CellStyle bold;
    private final CellStyle money;

    XlsxTable() {
        Font font = workbook.createFont();
        font.setBold(true);
        bold = workbook.createCellStyle();
        bold.setFont(font);
        money = workbook.createCellStyle();
        money.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
    }

    /** Adds a sheet: optional title lines, a bold header, then the rows. */
    void sheet(String name, List<String> titleLines, List<String> header, List<List<Object>> rows) {
        Sheet sheet = workbook.createSheet(name);
        int r = 0;
        for (String line : titleLines) {
            sheet.createRow(r++).createCell(0).setCellValue(line);
        }
        if (!titleLines.isEmpty()) {
            r++;
        }
        Row head = sheet.createRow(r++);
        for (int c = 0; c < header.size(); c++) {
            Cell cell = head.createCell(c);
            cell.setCellValue(header.get(c));
            cell.setCellStyle(bold);
            sheet.setColumnWidth(c, Math.max(10, header.get(c).length() * 2 + 4) * 256);
        }
        for (List<Object> values : rows) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < values.size(); c++) {
                Object v = values.get(c);
                Cell cell = row.createCell(c);
                if (v instanceof Money m) {
                    cell.setCellValue(Labels.yuanValue(m.fen()));
                    cell.setCellStyle(money);
                } else if (v instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else if (v != null) {
                    cell.setCellValue(v.toString());
                }
            }
        }
    }

    byte[] bytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            workbook.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
