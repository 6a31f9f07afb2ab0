package cn.zhunong.mall.ledger.intake;

import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.web.ApiException;
import cn.zhunong.mall.infra.web.PageQuery;
import cn.zhunong.mall.infra.web.PageResult;
import cn.zhunong.mall.ledger.intake.LedgerEventHandler.Outcome;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Map;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Ledger intake", description = "账本未能入账的订单事件：查看、重试、标记已处理")
@RestController
@Validated
@RequestMapping("/api/v1/admin/ledger/rejected-events")
@Secured("ROLE_PLATFORM_ADMIN")
public class RejectedEventController {

    private final RejectedEvents rejected;
    private final LedgerEventHandler handler;

    RejectedEventController(RejectedEvents rejected, LedgerEventHandler handler) {
        this.rejected = rejected;
        this.handler = handler;
    }

    public record RetryResult(long id, Outcome outcome, boolean resolved) {
    }

    @Operation(summary = "Parked events, newest first (open only by default)")
    @GetMapping
    PageResult<RejectedEvents.Parked> list(@RequestParam(defaultValue = "true") boolean open,
            @ParameterObject @Valid PageQuery page) {
        return rejected.list(open, page);
    }

    @Operation(summary = "Handle a parked event again (after the data behind it was corrected); resolved when it posts")
    @PostMapping("/{id}/retry")
    RetryResult retry(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        RejectedEvents.Parked parked = open(id);
        Map<String, String> fields = rejected.fields(id);
        StreamEvent event;
        try {
            event = StreamEvent.of(parked.streamId(), fields);
        } catch (StreamEvent.MalformedEventException e) {
            throw ApiException.conflict("LEDGER_EVENT_MALFORMED", "该事件无法解析，不能重试");
        }
        Outcome outcome = handler.handle(event, parked.deliveries() + 1L);
        boolean done = outcome == Outcome.POSTED || outcome == Outcome.ALREADY_POSTED || outcome == Outcome.IGNORED;
        return new RetryResult(id, outcome, done && rejected.resolve(id, user.id()));
    }

    @Operation(summary = "Mark a parked event as dealt with (e.g. corrected by a manual entry)")
    @PostMapping("/{id}/resolve")
    RejectedEvents.Parked resolve(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        open(id);
        if (!rejected.resolve(id, user.id())) {
            throw ApiException.conflict("LEDGER_EVENT_RESOLVED", "该事件已处理");
        }
        return rejected.find(id).orElseThrow();
    }

    private RejectedEvents.Parked open(long id) {
        RejectedEvents.Parked parked = rejected.find(id)
                .orElseThrow(() -> ApiException.notFound("LEDGER_EVENT_NOT_FOUND", "未找到该事件"));
        if (parked.resolvedAt() != null) {
            throw ApiException.conflict("LEDGER_EVENT_RESOLVED", "该事件已处理");
        }
        return parked;
    }
}
