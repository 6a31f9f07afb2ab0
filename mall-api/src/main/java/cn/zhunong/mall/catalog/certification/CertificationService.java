package cn.zhunong.mall.catalog.certification;

import cn.zhunong.mall.catalog.CatalogChanges;
import cn.zhunong.mall.catalog.CatalogTime;
import cn.zhunong.mall.catalog.product.ProductAccess;
import cn.zhunong.mall.infra.persistence.DuplicateKeys;
import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.web.ApiException;
import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import java.time.LocalDate;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Certifications a product claims (扶贫产品认定, 地理标志, 绿色, 有机). Every certification is a claim
 * shown to buyers, so while one has expired the product cannot be on sale ({@link CertificationExpiry}).
 * Renewing (a later validTo) or removing the expired one lets staff put it on sale again.
 */
@Service
public class CertificationService {

    private final CertificationMapper certifications;
    private final ProductAccess access;
    private final CatalogChanges changes;
    private final CatalogTime time;

    public CertificationService(CertificationMapper certifications, ProductAccess access, CatalogChanges changes,
            CatalogTime time) {
        this.certifications = certifications;
        this.access = access;
        this.changes = changes;
        this.time = time;
    }

    @Transactional
    public CertificationResponse add(CurrentUser user, long productId, CertificationRequest request) {
        access.lockWritable(user, productId);
        requireValidPeriod(request);
        Certification cert = new Certification();
        cert.setProductId(productId);
        apply(cert, request);
        cert.setCreatedAt(cert.getUpdatedAt());
        save(() -> certifications.insert(cert));
        changes.shownChanged(productId);
        return CertificationResponse.of(cert, time.today());
    }

    @Transactional
    public CertificationResponse update(CurrentUser user, long productId, long certId, CertificationRequest request) {
        access.lockWritable(user, productId);
        Certification cert = require(productId, certId);
        requireValidPeriod(request);
        apply(cert, request);
        save(() -> certifications.updateById(cert));
        changes.shownChanged(productId);
        return CertificationResponse.of(cert, time.today());
    }

    @Transactional
    public void delete(CurrentUser user, long productId, long certId) {
        access.lockWritable(user, productId);
        require(productId, certId);
        certifications.deleteById(certId);
        changes.shownChanged(productId);
    }

    public List<CertificationResponse> list(CurrentUser user, long productId) {
        access.requireReadable(user, productId);
        return of(productId);
    }

    public List<CertificationResponse> of(long productId) {
        LocalDate today = time.today();
        return certifications.selectList(new LambdaQueryWrapper<Certification>().eq(Certification::getProductId, productId)
                        .orderByAsc(Certification::getType, Certification::getId))
                .stream().map(c -> CertificationResponse.of(c, today)).toList();
    }

    private void requireValidPeriod(CertificationRequest request) {
        if (request.validTo().isBefore(request.validFrom())) {
            throw ApiException.badRequest("INVALID_PERIOD", "有效期结束日期不能早于开始日期");
        }
        if (request.validTo().isBefore(time.today())) {
            throw ApiException.badRequest("CERTIFICATION_EXPIRED", "该认证已过期，不能登记");
        }
    }

    private Certification require(long productId, long certId) {
        Certification cert = certifications.selectById(certId);
        if (cert == null || !cert.getProductId().equals(productId)) {
            throw ApiException.notFound("CERTIFICATION_NOT_FOUND", "认证不存在");
        }
        return cert;
    }

    private void apply(Certification cert, CertificationRequest request) {
        cert.setType(request.type());
        cert.setNumber(request.number().strip());
        cert.setIssuer(request.issuer().strip());
        cert.setValidFrom(request.validFrom());
        cert.setValidTo(request.validTo());
        cert.setUpdatedAt(time.now());
    }

    private static void save(Runnable write) {
        try {
            write.run();
        } catch (DuplicateKeyException e) {
            if (DuplicateKeys.violates(e, "uk_cert_product_type_number")) {
                throw ApiException.conflict("CERTIFICATION_EXISTS", "该商品已登记同类型同编号的认证");
            }
            throw e;
        }
    }
}
