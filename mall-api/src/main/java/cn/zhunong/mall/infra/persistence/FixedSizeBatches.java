package cn.zhunong.mall.infra.persistence;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs many rows as statements of a few fixed sizes: {@value #CHUNK} rows, then the remainder by
 * powers of two. A multi-row statement of arbitrary size is a new SQL text each time, which the
 * server must parse and prepare again — for a large batch about as costly as the row work itself.
 * With only these sizes the texts repeat and the driver reuses its prepared statements.
 */
public final class FixedSizeBatches {

    /** rows per full chunk; its SQL text must stay under the driver's prepStmtCacheSqlLimit (mall-api.yml) */
    static final int CHUNK = 256;

    private FixedSizeBatches() {
    }

    /**
     * A batch of a single-row INSERT: the driver sends each chunk as one multi-row INSERT
     * (rewriteBatchedStatements).
     */
    public static void insert(JdbcTemplate jdbc, String sql, List<Object[]> rows) {
        for (List<Object[]> chunk : chunks(rows)) {
            jdbc.batchUpdate(sql, chunk);
        }
    }

    /** Consecutive pieces of {@code items}, each of {@value #CHUNK} or a smaller power of two. */
    public static <T> List<List<T>> chunks(List<T> items) {
        return chunks(items, CHUNK);
    }

    /** Consecutive pieces of {@code items}, each of {@code chunk} (a power of two) or a smaller power of two. */
    public static <T> List<List<T>> chunks(List<T> items, int chunk) {
        if (Integer.bitCount(chunk) != 1) {
            throw new IllegalArgumentException("chunk size must be a power of two: " + chunk);
        }
        List<List<T>> chunks = new ArrayList<>();
        int at = 0;
        while (items.size() - at >= chunk) {
            chunks.add(items.subList(at, at + chunk));
            at += chunk;
        }
        for (int size = chunk / 2; size >= 1; size /= 2) {
            if (items.size() - at >= size) {
                chunks.add(items.subList(at, at + size));
                at += size;
            }
        }
        return chunks;
    }
}
