package cn.zhunong.mall.ledger.intake;

import java.util.Map;

/**
 * One outbox event as it arrived on the stream (fields eventId, type, aggregateType, aggregateId,
 * payload, createdAt; see OutboxRelay). Only the ids are trusted: everything else is read from
 * the database.
 */
public record StreamEvent(String recordId, Long eventId, String type, String aggregateType, long aggregateId,
        String payload, Map<String, String> fields) {

    /** @throws MalformedEventException when the type or the aggregate id is missing or not a number */
    public static StreamEvent of(String recordId, Map<?, ?> raw) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        raw.forEach((k, v) -> fields.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        String type = fields.get("type");
        if (type == null || type.isBlank()) {
            throw new MalformedEventException("no type");
        }
        Long aggregateId = number(fields.get("aggregateId"));
        if (aggregateId == null) {
            throw new MalformedEventException("aggregateId is not a number");
        }
        return new StreamEvent(recordId, number(fields.get("eventId")), type, fields.get("aggregateType"), aggregateId,
                fields.get("payload"), Map.copyOf(fields.entrySet().stream().filter(e -> e.getValue() != null)
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));
    }

    private static Long number(String text) {
        if (text == null || !text.matches("\\d{1,18}")) {
            return null;
        }
        return Long.valueOf(text);
    }

    /** The event cannot be read at all; it is parked, never retried. */
    public static class MalformedEventException extends RuntimeException {

        public MalformedEventException(String message) {
            super(message);
        }
    }
}
