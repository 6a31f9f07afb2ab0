package cn.zhunong.live.web;

import cn.zhunong.live.auth.TokenVerifier;
import cn.zhunong.live.auth.Viewer;
import cn.zhunong.live.room.SessionDirectory;
import cn.zhunong.live.room.SessionInfo;
import cn.zhunong.live.room.SessionLifecycle;
import cn.zhunong.live.stats.RoomStats;
import cn.zhunong.live.stats.SessionSales;
import cn.zhunong.live.store.RoomEventQueries;
import cn.zhunong.live.store.RoomEventQueries.StoredChat;
import cn.zhunong.live.store.SessionMetricsStore.SessionSummary;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read side of live sessions on live-room's HTTP port, with the same bearer token as mall-api.
 *
 * <ul>
 * <li>{@code GET /api/v1/live/sessions/{id}/chat?from=&to=&after=&limit=} — the chat replay, any
 * signed-in user (the chat was public in the room). The session's host and platform admins also
 * get deleted messages (with {@code deletedAt}) and the text as typed before the word filter.</li>
 * <li>{@code GET /api/v1/live/sessions/{id}/metrics} — live counters while the session runs, the
 * stored summary after it ended; for the host, agency staff and platform admins. With the sales
 * figures: orders, gmvFen, buyers, conversion (buyers ÷ unique viewers), gpmFen (GMV per 1,000
 * unique viewers).</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/v1/live/sessions/{sessionId}")
public class LiveSessionController {

    private static final int MAX_LIMIT = 500;

    private final TokenVerifier tokens;
    private final RoomEventQueries queries;
    private final SessionDirectory directory;
    private final RoomStats stats;
    private final SessionLifecycle lifecycle;
    private final SessionSales sales;

    public LiveSessionController(TokenVerifier tokens, RoomEventQueries queries, SessionDirectory directory,
            RoomStats stats, SessionLifecycle lifecycle, SessionSales sales) {
        this.sales = sales;
        this.tokens = tokens;
        this.queries = queries;
        this.directory = directory;
        this.stats = stats;
        this.lifecycle = lifecycle;
    }

    @GetMapping("/chat")
    public Map<String, Object> chat(@PathVariable long sessionId,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) Long after, @RequestParam(defaultValue = "100") int limit) {
        Viewer caller = caller(authorization);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new LiveApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "limit 必须在 1 到 " + MAX_LIMIT + " 之间");
        }
        Instant fromTime = instant("from", from, Instant.EPOCH);
        Instant toTime = instant("to", to, Instant.now().plusSeconds(60));
        if (!fromTime.isBefore(toTime)) {
            throw new LiveApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "from 必须早于 to");
        }
        boolean auditView = caller.isAdmin() || isHost(caller, sessionId);
        List<StoredChat> rows = queries.chat(sessionId, fromTime, toTime, after, limit + 1, auditView);
        boolean more = rows.size() > limit;
        List<Map<String, Object>> items = new ArrayList<>();
        for (StoredChat row : more ? rows.subList(0, limit) : rows) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", Long.toString(row.id()));
            item.put("userId", row.userId());
            item.put("name", row.name());
            item.put("role", row.role());
            item.put("text", row.text());
            item.put("at", row.at().toString());
            if (auditView) {
                item.put("originalText", row.originalText());
                item.put("deletedAt", row.deletedAt() == null ? null : row.deletedAt().toString());
            }
            items.add(item);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sessionId", sessionId);
        body.put("items", items);
        body.put("next", more ? items.get(items.size() - 1).get("id") : null);
        return body;
    }

    @GetMapping("/metrics")
    public Map<String, Object> metrics(@PathVariable long sessionId,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        Viewer caller = caller(authorization);
        if (!caller.isAdmin() && !caller.isStaff() && !isHost(caller, sessionId)) {
            throw new LiveApiException(HttpStatus.FORBIDDEN, "FORBIDDEN", "无权查看本场直播数据");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sessionId", sessionId);
        SessionSummary summary = lifecycle.summary(sessionId);
        if (summary != null) {
            body.put("ended", true);
            body.put("online", 0);
            body.put("peakViewers", summary.peakViewers());
            body.put("uniqueViewers", summary.uniqueViewers());
            body.put("likes", summary.likes());
            body.put("chats", summary.chats());
            body.put("startedAt", summary.startedAt() == null ? null : Instant.ofEpochMilli(summary.startedAt()).toString());
            body.put("endedAt", Instant.ofEpochMilli(summary.endedAt()).toString());
            body.put("orders", summary.orders());
            body.put("gmvFen", summary.gmvFen());
            body.put("buyers", summary.buyers());
            body.put("conversion", summary.conversion());
            body.put("gpmFen", summary.gpmFen());
            return body;
        }
        RoomStats.Snapshot live = stats.read(sessionId);
        Long startedAt = stats.startedAt(sessionId);
        body.put("ended", false);
        body.put("online", live.online());
        body.put("peakViewers", live.peak());
        body.put("uniqueViewers", live.unique());
        body.put("likes", live.likes());
        body.put("chats", live.chats());
        body.put("startedAt", startedAt == null ? null : Instant.ofEpochMilli(startedAt).toString());
        body.put("endedAt", null);
        SessionSales.Sales sold = sales.read(sessionId, live.unique());
        body.put("orders", sold.orders());
        body.put("gmvFen", sold.gmvFen());
        body.put("buyers", sold.buyers());
        body.put("conversion", sold.conversion());
        body.put("gpmFen", sold.gpmFen());
        return body;
    }

    private Viewer caller(String authorization) {
        String token = TokenVerifier.bearer(authorization);
        if (token == null) {
            throw new LiveApiException(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "请先登录");
        }
        try {
            return tokens.verify(token);
        } catch (TokenVerifier.InvalidTokenException e) {
            throw new LiveApiException(HttpStatus.UNAUTHORIZED, "TOKEN_INVALID", "登录凭证无效或已过期，请重新登录");
        }
    }

    private boolean isHost(Viewer caller, long sessionId) {
        SessionInfo session = directory.find(sessionId);
        return session != null && caller.isStreamer(session.streamerId());
    }

    private static Instant instant(String name, String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new LiveApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                    name + " 必须是 ISO-8601 时间，例如 2026-05-01T12:00:00Z");
        }
    }
}
