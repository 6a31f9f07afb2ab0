package cn.zhunong.mall.adoption;

import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.web.PageQuery;
import cn.zhunong.mall.infra.web.PageResult;
import cn.zhunong.mall.order.IdempotencyKeys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "爱心认购（市民）")
@RestController
@RequestMapping("/api/v1")
@Secured({"ROLE_CITIZEN", "ROLE_HOST"})
public class AdoptionController {

    private final AdoptionOfferService offers;
    private final AdoptionService adoptions;

    public AdoptionController(AdoptionOfferService offers, AdoptionService adoptions) {
        this.offers = offers;
        this.adoptions = adoptions;
    }

    @Operation(summary = "可认购的项目")
    @GetMapping("/adoption-offers")
    public PageResult<OfferResponse> list(@Valid PageQuery page) {
        return offers.listOpen(page);
    }

    @Operation(summary = "认购项目详情")
    @GetMapping("/adoption-offers/{id}")
    public OfferResponse get(@PathVariable long id) {
        return offers.get(id);
    }

    @Operation(summary = "认购（需 Idempotency-Key；生成订单与认购协议，订单按普通订单支付）")
    @PostMapping("/adoption-offers/{id}/adoptions")
    public ResponseEntity<AdoptionResponse> adopt(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody AdoptRequest request) {
        AdoptionService.Adopted adopted = adoptions.adopt(user, idempotencyKey, id, request);
        if (!adopted.created()) {
            return ResponseEntity.ok(adopted.response());
        }
        return ResponseEntity.created(URI.create("/api/v1/adoptions/" + adopted.response().id())).body(adopted.response());
    }

    @Operation(summary = "我的认购")
    @GetMapping("/adoptions")
    public PageResult<AdoptionResponse> mine(@AuthenticationPrincipal CurrentUser user, @Valid PageQuery page) {
        return adoptions.mine(user, page);
    }

    @Operation(summary = "认购详情")
    @GetMapping("/adoptions/{id}")
    public AdoptionResponse get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return adoptions.mine(user, id);
    }

    @Operation(summary = "认购协议（HTML）")
    @GetMapping(value = "/adoptions/{id}/agreement", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> agreement(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return html(adoptions.agreementForBuyer(user, id));
    }

    static ResponseEntity<String> html(String body) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(body);
    }
}
