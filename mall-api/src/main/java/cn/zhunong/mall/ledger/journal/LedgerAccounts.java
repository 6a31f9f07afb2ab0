package cn.zhunong.mall.ledger.journal;

import cn.zhunong.mall.infra.persistence.FixedSizeBatches;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Account ids by code, created on first use. Codes never change, so ids are cached — but only
 * once the transaction that created or read them has committed, so a rolled-back account never
 * lingers in the cache.
 */
@Component
public class LedgerAccounts {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final Clock clock;
    private final Map<String, Long> cache = new ConcurrentHashMap<>();

    public LedgerAccounts(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, Clock clock) {
        this.jdbc = jdbc;
        this.named = named;
        this.clock = clock;
    }

    /** The ids of these accounts, creating the missing ones (call inside the posting transaction). */
    public Map<String, Long> require(Collection<AccountSpec> specs) {
        Map<String, Long> ids = new HashMap<>();
        Map<String, AccountSpec> missing = new TreeMap<>(); // sorted: concurrent creators lock in one order
        for (AccountSpec spec : specs) {
            Long id = cache.get(spec.code());
            if (id != null) {
                ids.put(spec.code(), id);
            } else {
                missing.put(spec.code(), spec);
            }
        }
        if (missing.isEmpty()) {
            return ids;
        }
        Map<String, Long> found = select(missing.keySet());
        List<AccountSpec> toCreate = missing.values().stream().filter(s -> !found.containsKey(s.code()))
                .sorted(Comparator.comparing(AccountSpec::code)).toList();
        if (!toCreate.isEmpty()) {
            Timestamp now = Timestamp.from(clock.instant());
            List<Object[]> rows = new ArrayList<>(toCreate.size());
            for (AccountSpec s : toCreate) {
                rows.add(new Object[] {s.code(), s.kind().name(), s.householdId(), s.agencyId(), now});
            }
            FixedSizeBatches.insert(jdbc, "INSERT IGNORE INTO ledger_account (code, kind, household_id, agency_id, created_at) "
                    + "VALUES (?, ?, ?, ?, ?)", rows);
            found.putAll(select(toCreate.stream().map(AccountSpec::code).toList()));
        }
        for (String code : missing.keySet()) {
            if (!found.containsKey(code)) {
                throw new IllegalStateException("account was not created: " + code);
            }
        }
        ids.putAll(found);
        cacheAfterCommit(found);
        return ids;
    }

    public long require(AccountSpec spec) {
        return require(List.of(spec)).get(spec.code());
    }

    /** The id of an existing account, without creating it. */
    public Optional<Long> find(String code) {
        Long id = cache.get(code);
        if (id != null) {
            return Optional.of(id);
        }
        return Optional.ofNullable(select(List.of(code)).get(code));
    }

    private Map<String, Long> select(Collection<String> codes) {
        Map<String, Long> found = new HashMap<>();
        named.query("SELECT id, code FROM ledger_account WHERE code IN (:codes)", new MapSqlParameterSource("codes", codes),
                rs -> {
                    found.put(rs.getString("code"), rs.getLong("id"));
                });
        return found;
    }

    private void cacheAfterCommit(Map<String, Long> found) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    cache.putAll(found);
                }
            });
        } else {
            cache.putAll(found);
        }
    }
}
