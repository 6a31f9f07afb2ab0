package cn.zhunong.mall.adoption;

import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.web.PageQuery;
import cn.zhunong.mall.infra.web.PageResult;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "爱心认购（机构）")
@RestController
@RequestMapping("/api/v1/agency")
@Secured({"ROLE_PLATFORM_ADMIN", "ROLE_AGENCY_STAFF"})
public class AgencyAdoptionController {

    private final AdoptionOfferService offers;
    private final AdoptionService adoptions;

    public AgencyAdoptionController(AdoptionOfferService offers, AdoptionService adoptions) {
        this.offers = offers;
        this.adoptions = adoptions;
    }

    @Operation(summary = "发布认购项目")
    @PostMapping("/adoption-offers")
    public ResponseEntity<OfferResponse> publish(@AuthenticationPrincipal CurrentUser user,
            @Valid @RequestBody CreateOfferRequest request) {
        OfferResponse offer = offers.publish(user, request);
        return ResponseEntity.created(URI.create("/api/v1/agency/adoption-offers/" + offer.id())).body(offer);
    }

    @Operation(summary = "本机构的认购项目")
    @GetMapping("/adoption-offers")
    public PageResult<OfferResponse> list(@AuthenticationPrincipal CurrentUser user, @Valid PageQuery page) {
        return offers.listForStaff(user, page);
    }

    @Operation(summary = "认购项目详情")
    @GetMapping("/adoption-offers/{id}")
    public OfferResponse get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return offers.forStaff(user, id);
    }

    @Operation(summary = "结束认购（不再接受新认购）")
    @PostMapping("/adoption-offers/{id}/close")
    public OfferResponse close(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return offers.close(user, id);
    }

    @Operation(summary = "认购项目的认购记录")
    @GetMapping("/adoption-offers/{id}/adoptions")
    public PageResult<AdoptionResponse> adoptions(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid PageQuery page) {
        return adoptions.ofOffer(user, id, page);
    }

    @Operation(summary = "认购协议（HTML）")
    @GetMapping(value = "/adoptions/{id}/agreement", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> agreement(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return AdoptionController.html(adoptions.agreementForStaff(user, id));
    }

    @Operation(summary = "登记收获交付（视为已收货，售后期开始，期满后农户收益可结算）")
    @PostMapping("/adoptions/{id}/harvest-delivery")
    public AdoptionResponse deliver(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @RequestBody HarvestDeliveryRequest request) {
        return adoptions.deliver(user, id, request);
    }
}
