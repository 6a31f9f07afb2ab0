package cn.zhunong.mall.ledger.report;

import cn.zhunong.mall.infra.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Ledger reports", description = "帮扶户收入对账单与助农销售汇总（按机构范围）")
@RestController
@RequestMapping("/api/v1/ledger")
@Secured({"ROLE_AGENCY_STAFF", "ROLE_PLATFORM_ADMIN"})
public class LedgerReportController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final StatementService statements;
    private final SummaryService summaries;

    LedgerReportController(StatementService statements, SummaryService summaries) {
        this.statements = statements;
        this.summaries = summaries;
    }

    @Operation(summary = "A household's income statement for a period (dates inclusive, Asia/Shanghai)")
    @GetMapping("/households/{householdId}/statement")
    HouseholdStatement statement(@AuthenticationPrincipal CurrentUser user, @PathVariable long householdId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return statements.statement(user, householdId, from, to);
    }

    @Operation(summary = "The statement as a printable HTML page")
    @GetMapping(path = "/households/{householdId}/statement.html", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> statementHtml(@AuthenticationPrincipal CurrentUser user, @PathVariable long householdId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        String html = StatementHtml.render(statements.statement(user, householdId, from, to));
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'").body(html);
    }

    @Operation(summary = "The statement as an Excel workbook")
    @GetMapping("/households/{householdId}/statement.xlsx")
    ResponseEntity<byte[]> statementXlsx(@AuthenticationPrincipal CurrentUser user, @PathVariable long householdId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        byte[] xlsx = StatementXlsx.render(statements.statement(user, householdId, from, to));
        return attachment(xlsx, "statement-" + householdId + "-" + from + "-" + to + ".xlsx");
    }

    @Operation(summary = "Units (件/斤), GMV, household income, households benefited and buyers per village/agency/campaign by day or month")
    @GetMapping("/reports/summary")
    SummaryReport summary(@AuthenticationPrincipal CurrentUser user, @RequestParam SummaryDimension dimension,
            @RequestParam(defaultValue = "DAY") Granularity granularity,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long agencyId, @RequestParam(required = false) Long villageId,
            @RequestParam(required = false) Long campaignId) {
        return summaries.summary(user, dimension, granularity, from, to, new SummaryService.Filter(agencyId, villageId, campaignId));
    }

    @Operation(summary = "The summary as an Excel workbook")
    @GetMapping("/reports/summary.xlsx")
    ResponseEntity<byte[]> summaryXlsx(@AuthenticationPrincipal CurrentUser user, @RequestParam SummaryDimension dimension,
            @RequestParam(defaultValue = "DAY") Granularity granularity,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long agencyId, @RequestParam(required = false) Long villageId,
            @RequestParam(required = false) Long campaignId) {
        SummaryReport report = summaries.summary(user, dimension, granularity, from, to,
                new SummaryService.Filter(agencyId, villageId, campaignId));
        return attachment(SummaryXlsx.render(report), "summary-" + dimension.name().toLowerCase() + "-" + from + "-" + to + ".xlsx");
    }

    private static ResponseEntity<byte[]> attachment(byte[] body, String filename) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(body);
    }
}
