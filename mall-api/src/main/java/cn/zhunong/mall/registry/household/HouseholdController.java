package cn.zhunong.mall.registry.household;

import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.web.PageQuery;
import cn.zhunong.mall.infra.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Tag(name = "Households", description = "帮扶户登记：个人信息加密存储，默认只返回脱敏值")
@RestController
@RequestMapping("/api/v1/households")
@Secured({"ROLE_AGENCY_STAFF", "ROLE_PLATFORM_ADMIN"})
public class HouseholdController {

    private final HouseholdService households;
    private final HouseholdImportService imports;

    HouseholdController(HouseholdService households, HouseholdImportService imports) {
        this.households = households;
        this.imports = imports;
    }

    @Operation(summary = "Register a household in a village the caller's agency serves")
    @PostMapping
    ResponseEntity<HouseholdResponse> create(@AuthenticationPrincipal CurrentUser user,
            @Valid @RequestBody CreateHouseholdRequest request) {
        HouseholdResponse created = households.create(user, request);
        return ResponseEntity.created(URI.create("/api/v1/households/" + created.id())).body(created);
    }

    @Operation(summary = "List households in scope (masked values only)")
    @GetMapping
    PageResult<HouseholdResponse> list(@AuthenticationPrincipal CurrentUser user,
            @ParameterObject @Valid HouseholdSearch search, @ParameterObject @Valid PageQuery page) {
        return households.list(user, search, page);
    }

    @Operation(summary = "One household (masked values only)")
    @GetMapping("/{id}")
    HouseholdResponse get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return households.get(user, id);
    }

    @Operation(summary = "Replace editable data; bankAccount/phone: null keeps, \"\" removes; the ID number cannot change")
    @PutMapping("/{id}")
    HouseholdResponse update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @RequestBody UpdateHouseholdRequest request) {
        return households.update(user, id, request);
    }

    @Operation(summary = "Change the category and append to its history")
    @PostMapping("/{id}/category")
    HouseholdResponse changeCategory(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @RequestBody ChangeCategoryRequest request) {
        return households.changeCategory(user, id, request);
    }

    @Operation(summary = "Category history, oldest first")
    @GetMapping("/{id}/category-history")
    List<CategoryChangeResponse> categoryHistory(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return households.categoryHistory(user, id);
    }

    @Operation(summary = "Reveal full personal values (needs the PII permission and write scope; audit-logged)")
    @PostMapping("/{id}/reveal")
    Map<String, Object> reveal(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @RequestBody RevealRequest request) {
        return households.reveal(user, id, request);
    }

    @Operation(summary = "Import households from CSV (UTF-8 or GBK): good rows are imported, bad rows reported by line")
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportResult importCsv(@AuthenticationPrincipal CurrentUser user, @RequestParam long villageId,
            @RequestPart("file") MultipartFile file) {
        return imports.importCsv(user, villageId, file);
    }
}
