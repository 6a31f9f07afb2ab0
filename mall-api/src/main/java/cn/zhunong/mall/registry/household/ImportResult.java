package cn.zhunong.mall.registry.household;

import java.util.List;

/**
 * Outcome of a CSV import: good rows were imported, each bad row is listed with its physical
 * line number in the file (header = line 1), the field and the reason (never the value).
 */
public record ImportResult(int imported, int failed, List<RowError> errors) {

    /** {@code field} is the API field name, {@code column} the CSV header the user sees. */
    public record RowError(long line, String field, String column, String reason) {
    }
}
