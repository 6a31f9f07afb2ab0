package cn.zhunong.mall.campaign.certificate;

import cn.zhunong.mall.infra.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "以购代捐 爱心证书")
@RestController
@RequestMapping("/api/v1/orders/{orderId}/certificates")
public class CertificateController {

    private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml;charset=UTF-8");
    private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

    private final CertificateService certificates;

    public CertificateController(CertificateService certificates) {
        this.certificates = certificates;
    }

    @Operation(summary = "订单的爱心证书列表（仅买家本人）")
    @GetMapping
    public List<CertificateSummary> list(@AuthenticationPrincipal CurrentUser user, @PathVariable long orderId) {
        return certificates.list(user, orderId);
    }

    @Operation(summary = "爱心证书页面（HTML；仅买家本人，他人 404）")
    @GetMapping("/{campaignCode}")
    public ResponseEntity<String> html(@AuthenticationPrincipal CurrentUser user, @PathVariable long orderId,
            @PathVariable String campaignCode) {
        Certificate certificate = certificates.certificate(user, orderId, campaignCode);
        String imageUrl = "/api/v1/orders/" + orderId + "/certificates/" + campaignCode + "/image";
        return ResponseEntity.ok().contentType(HTML).header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .body(CertificateHtml.render(certificate, imageUrl));
    }

    @Operation(summary = "爱心证书图片（SVG 下载；仅买家本人，他人 404）")
    @GetMapping("/{campaignCode}/image")
    public ResponseEntity<String> image(@AuthenticationPrincipal CurrentUser user, @PathVariable long orderId,
            @PathVariable String campaignCode) {
        Certificate certificate = certificates.certificate(user, orderId, campaignCode);
        ContentDisposition disposition = ContentDisposition.attachment()
                .filename("爱心证书-" + certificate.number() + ".svg", StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().contentType(SVG).header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .body(CertificateSvg.render(certificate));
    }
}
