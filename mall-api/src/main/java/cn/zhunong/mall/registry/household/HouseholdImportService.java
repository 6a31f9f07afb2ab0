package cn.zhunong.mall.registry.household;

import cn.zhunong.mall.infra.csv.CsvUpload;
import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.web.ApiException;
import cn.zhunong.mall.registry.household.HouseholdCsvValidator.ValidRow;
import cn.zhunong.mall.registry.household.ImportResult.RowError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * CSV import of households into one village. Every row is validated first (field rules, repeats
 * within the file, ID numbers already registered); the good rows are then inserted in one
 * transaction with multi-row statements, so nothing is ever half-written. A row whose ID number
 * another request registers between validation and insert is reported, not a 500 (see insertAll).
 */
@Service
public class HouseholdImportService {

    public static final long MAX_BYTES = 5L * 1024 * 1024;
    private static final int LOOKUP_CHUNK = 500;
    private static final int ATTEMPTS = 5;
    private static final Logger log = LoggerFactory.getLogger(HouseholdImportService.class);

    private final HouseholdService households;
    private final HouseholdStore store;
    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate batch;

    HouseholdImportService(HouseholdService households, HouseholdStore store, NamedParameterJdbcTemplate jdbc,
            PlatformTransactionManager transactions) {
        this.households = households;
        this.store = store;
        this.jdbc = jdbc;
        this.batch = new TransactionTemplate(transactions);
    }

    public ImportResult importCsv(CurrentUser user, long villageId, MultipartFile file) {
        VillageRef village = households.writableVillage(user, villageId);
        if (file.getSize() > MAX_BYTES) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", "文件不能超过 5 MB");
        }
        List<CsvUpload.Row> rows = HouseholdCsv.read(bytes(file));
        HouseholdCsvValidator.Outcome outcome = HouseholdCsvValidator.validate(rows, store.today());
        List<RowError> errors = new ArrayList<>(outcome.errors());

        Instant now = store.now();
        List<Prepared> candidates = new ArrayList<>();
        for (ValidRow valid : outcome.valid()) {
            Household household = store.newRow(valid.household(), village, now);
            candidates.add(new Prepared(valid, HexFormat.of().formatHex(household.getIdNumberHash()), household));
        }
        Set<String> registered = registeredHashes(candidates);
        List<Prepared> toInsert = new ArrayList<>();
        for (Prepared candidate : candidates) {
            if (registered.contains(candidate.hashHex())) {
                errors.add(alreadyRegistered(candidate.row().line()));
            } else {
                toInsert.add(candidate);
            }
        }
        // a fixed order (by hash) makes concurrent imports take key locks in the same order; a deadlock
        // that still happens is retried in insertAll
        toInsert.sort(Comparator.comparing(Prepared::hashHex));
        int imported = insertAll(toInsert, user.id(), errors, village.id());

        errors.sort(Comparator.comparingLong(RowError::line));
        int failed = (int) errors.stream().mapToLong(RowError::line).distinct().count();
        log.info("Household import into village {} by user {}: {} rows, {} imported, {} failed",
                village.id(), user.id(), rows.size(), imported, failed);
        return new ImportResult(imported, failed, errors);
    }

    /**
     * Inserts all rows optimistically in one transaction. If another request registered one of the
     * ID numbers since validation, the unique key refuses it and the whole transaction rolls back;
     * the newly registered rows are then reported and the rest inserted again. Each retry removes
     * at least one row, and the number of retries is bounded.
     */
    private int insertAll(List<Prepared> rows, long userId, List<RowError> errors, long villageId) {
        List<Prepared> remaining = new ArrayList<>(rows);
        for (int attempt = 1; ; attempt++) {
            if (remaining.isEmpty()) {
                return 0;
            }
            List<Household> batchRows = remaining.stream().map(Prepared::household).toList();
            try {
                batch.executeWithoutResult(status -> store.insertAll(batchRows, userId));
                return remaining.size();
            } catch (DuplicateKeyException e) {
                Set<String> taken = registeredHashes(remaining);
                if (taken.isEmpty() || attempt == ATTEMPTS) {
                    throw importConflict();
                }
                remaining.removeIf(p -> {
                    if (taken.contains(p.hashHex())) {
                        errors.add(alreadyRegistered(p.row().line()));
                        return true;
                    }
                    return false;
                });
                log.info("Household import into village {}: {} rows were registered meanwhile; retrying",
                        villageId, taken.size());
            } catch (PessimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw importConflict();
                }
                log.warn("Household import into village {} hit a lock conflict; retrying (attempt {})", villageId, attempt);
            }
        }
    }

    private static ApiException importConflict() {
        return ApiException.conflict("IMPORT_CONFLICT", "导入与其他操作冲突，请稍后重试");
    }

    private Set<String> registeredHashes(List<Prepared> candidates) {
        Set<String> found = new HashSet<>();
        HexFormat hex = HexFormat.of();
        for (int from = 0; from < candidates.size(); from += LOOKUP_CHUNK) {
            List<byte[]> hashes = candidates.subList(from, Math.min(candidates.size(), from + LOOKUP_CHUNK)).stream()
                    .map(p -> hex.parseHex(p.hashHex())).toList();
            jdbc.query("SELECT id_number_hash FROM household WHERE id_number_hash IN (:hashes)",
                    new MapSqlParameterSource("hashes", hashes),
                    rs -> {
                        found.add(hex.formatHex(rs.getBytes(1)));
                    });
        }
        return found;
    }

    private static RowError alreadyRegistered(long line) {
        return new RowError(line, "idNumber", HouseholdCsv.HEADER.get(1), "该身份证号的户已登记");
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid row, its ID-number hash (hex) and the encrypted row built from it. */
    private record Prepared(ValidRow row, String hashHex, Household household) {
    }
}
