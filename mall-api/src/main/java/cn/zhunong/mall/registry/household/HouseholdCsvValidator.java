package cn.zhunong.mall.registry.household;

import cn.zhunong.mall.infra.csv.CsvUpload;
import cn.zhunong.mall.registry.household.ImportResult.RowError;
import cn.zhunong.mall.registry.validation.ResidentIdNumber;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks every CSV row against the household field rules and for ID numbers repeated within the
 * file (the first valid row with a number keeps it; later ones are errors). Pure: no database,
 * no Spring. Duplicates of households already registered are found later by the import service.
 */
public final class HouseholdCsvValidator {

    private static final int COLUMNS = HouseholdCsv.HEADER.size();

    private HouseholdCsvValidator() {
    }

    public record ValidRow(long line, NewHousehold household) {
    }

    public record Outcome(List<ValidRow> valid, List<RowError> errors) {
    }

    public static Outcome validate(List<CsvUpload.Row> rows, LocalDate today) {
        List<ValidRow> valid = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        Map<String, Long> firstLineOfId = new HashMap<>();
        for (CsvUpload.Row row : rows) {
            RowCheck check = new RowCheck(row.line());
            if (row.cells().size() > COLUMNS) {
                check.fail("row", "", "列数超过表头的 " + COLUMNS + " 列");
            }
            String headName = HouseholdRules.normaliseName(row.cell(0));
            check.problem("headName", 0, HouseholdRules.headNameProblem(headName));

            String idNumber = ResidentIdNumber.normalise(textValue(row.cell(1)));
            Optional<String> idProblem = HouseholdRules.idNumberProblem(idNumber, today);
            check.problem("idNumber", 1, idProblem);
            if (idProblem.isEmpty() && firstLineOfId.containsKey(idNumber)) {
                check.fail("idNumber", HouseholdCsv.HEADER.get(1), "与第 " + firstLineOfId.get(idNumber) + " 行的身份证号重复");
            }

            HouseholdCategory category = null;
            if (row.cell(2).isEmpty()) {
                check.fail("category", HouseholdCsv.HEADER.get(2), "类别不能为空");
            } else {
                category = HouseholdCategory.parse(row.cell(2)).orElse(null);
                if (category == null) {
                    check.fail("category", HouseholdCsv.HEADER.get(2), "类别应为 脱贫户、监测户、低保户、特困户 或 其他");
                }
            }

            Integer members = parseCount(row.cell(3));
            if (members == null && !row.cell(3).isEmpty()) {
                check.fail("memberCount", HouseholdCsv.HEADER.get(3), "人口数应为整数");
            } else {
                check.problem("memberCount", 3, HouseholdRules.memberCountProblem(members));
            }

            String bankAccount = emptyToNull(textValue(row.cell(4)).replaceAll("\\s", ""));
            check.problem("bankAccount", 4, HouseholdRules.bankAccountProblem(bankAccount));

            String phone = emptyToNull(textValue(row.cell(5)));
            check.problem("phone", 5, HouseholdRules.phoneProblem(phone));

            Boolean consent = parseConsent(row.cell(6));
            if (consent == null) {
                check.fail("consentPublic", HouseholdCsv.HEADER.get(6), "同意公开应为 是 或 否");
            }

            if (check.errors.isEmpty()) {
                firstLineOfId.put(idNumber, row.line());
                valid.add(new ValidRow(row.line(), new NewHousehold(headName, category, members, idNumber,
                        bankAccount, phone, consent, null)));
            } else {
                errors.addAll(check.errors);
            }
        }
        return new Outcome(valid, errors);
    }

    /** Drops the apostrophe Excel users type to keep long numbers as text. */
    private static String textValue(String cell) {
        return cell.startsWith("'") ? cell.substring(1).strip() : cell;
    }

    private static Integer parseCount(String cell) {
        if (!cell.matches("\\d{1,9}")) {
            return null;
        }
        return Integer.parseInt(cell);
    }

    /** 是 / 否; an empty cell means no consent, which is the safe default. */
    private static Boolean parseConsent(String cell) {
        return switch (cell) {
            case "是" -> Boolean.TRUE;
            case "否", "" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    private static final class RowCheck {
        private final long line;
        private final List<RowError> errors = new ArrayList<>();

        RowCheck(long line) {
            this.line = line;
        }

        void problem(String field, int column, Optional<String> problem) {
            problem.ifPresent(reason -> fail(field, HouseholdCsv.HEADER.get(column), reason));
        }

        void fail(String field, String column, String reason) {
            errors.add(new RowError(line, field, column, reason));
        }
    }
}
