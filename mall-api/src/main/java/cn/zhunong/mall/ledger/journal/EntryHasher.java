package cn.zhunong.mall.ledger.journal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The tamper-evident hash of a journal entry: SHA-256 over a canonical text of everything the
 * entry says (position, key, type, source ids, time, every posting in line order) and the
 * previous entry's hash. Changing, removing or reordering any row breaks the chain from there on.
 */
public final class EntryHasher {

    public static final String GENESIS = "0".repeat(64);

    private EntryHasher() {
    }

    /** A posting as it is hashed. */
    public record Line(int lineNo, long accountId, long debitFen, long creditFen) {
    }

    public static String canonical(long id, String idempotencyKey, String type, Long orderId, Long orderLineId,
            Long refundId, Long payoutItemId, long createdAtMillis, String prevHash, List<Line> lines) {
        StringBuilder s = new StringBuilder(128 + lines.size() * 32);
        s.append("v1|").append(id).append('|').append(idempotencyKey).append('|').append(type)
                .append('|').append(orNull(orderId)).append('|').append(orNull(orderLineId))
                .append('|').append(orNull(refundId)).append('|').append(orNull(payoutItemId))
                .append('|').append(createdAtMillis).append('|').append(prevHash);
        for (Line line : lines) {
            s.append('|').append(line.lineNo()).append(':').append(line.accountId())
                    .append(':').append(line.debitFen()).append(':').append(line.creditFen());
        }
        return s.toString();
    }

    public static String hash(String canonical) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String orNull(Long value) {
        return value == null ? "-" : value.toString();
    }
}
