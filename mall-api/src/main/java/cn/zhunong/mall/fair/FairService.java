package cn.zhunong.mall.fair;

import cn.zhunong.mall.catalog.image.ImageStorage;
import cn.zhunong.mall.catalog.image.ImageType;
import cn.zhunong.mall.catalog.image.StorageProperties;
import cn.zhunong.mall.infra.crypto.Masking;
import cn.zhunong.mall.infra.crypto.PiiCipher;
import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.web.PageQuery;
import cn.zhunong.mall.infra.web.PageResult;
import cn.zhunong.mall.registry.scope.AgencyScope;
import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * Sales fairs and their photo evidence. A fair gets its own buyer account (role CITIZEN, disabled,
 * no usable password): the fair's walk-in customers are anonymous, and an order needs a buyer, so
 * the fair itself is the buyer. Its orders are then kept apart from every citizen's, and the
 * Idempotency-Key of a recorded sale is unique per fair.
 */
@Service
public class FairService {

    /** Not a bcrypt hash: no password ever matches it. */
    private static final String NO_PASSWORD = "!fair-buyer-cannot-log-in";

    private final SalesFairMapper fairs;
    private final FairEvidenceMapper evidence;
    private final AgencyScope scope;
    private final PiiCipher cipher;
    private final ImageStorage storage;
    private final long maxImageBytes;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TransactionTemplate tx;

    public FairService(SalesFairMapper fairs, FairEvidenceMapper evidence, AgencyScope scope, PiiCipher cipher,
            ImageStorage storage, StorageProperties storageProperties, JdbcTemplate jdbc, Clock clock,
            PlatformTransactionManager transactions) {
        this.fairs = fairs;
        this.evidence = evidence;
        this.scope = scope;
        this.cipher = cipher;
        this.storage = storage;
        this.maxImageBytes = storageProperties.maxImageBytes();
        this.jdbc = jdbc;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    public FairResponse create(CurrentUser user, CreateFairRequest request) {
        Set<Long> villageIds = new TreeSet<>(request.villageIds());
        List<Map<String, Object>> villages = jdbc.queryForList("SELECT id, agency_id, division_code FROM village WHERE id IN ("
                + String.join(",", villageIds.stream().map(v -> "?").toList()) + ") ORDER BY id", villageIds.toArray());
        if (villages.size() != villageIds.size()) {
            throw FairErrors.villageNotFound();
        }
        Set<Long> agencies = new TreeSet<>();
        villages.forEach(v -> agencies.add(((Number) v.get("agency_id")).longValue()));
        for (long agency : agencies) {
            scope.requireWrite(user, agency, FairErrors.villageNotFound());
        }
        if (agencies.size() > 1) {
            throw FairErrors.villagesOfSeveralAgencies();
        }
        long agencyId = agencies.iterator().next();
        Instant now = now();
        SalesFair fair = new SalesFair();
        fair.setAgencyId(agencyId);
        fair.setName(request.name().trim());
        fair.setPlace(request.place().trim());
        fair.setFairDate(request.date());
        fair.setCampaignCode(request.campaignCode());
        fair.setProvinceCode(((String) villages.get(0).get("division_code")).substring(0, 2));
        fair.setContactPhoneEnc(cipher.encrypt(request.contactPhone()));
        fair.setContactPhoneMasked(Masking.phone(request.contactPhone()));
        fair.setCreatedBy(user.id());
        fair.setCreatedAt(now);
        tx.executeWithoutResult(status -> {
            fair.setBuyerUserId(insertBuyer(now));
            fairs.insert(fair);
            villageIds.forEach(v -> fairs.addVillage(fair.getId(), v));
        });
        return FairResponse.of(fair, List.copyOf(villageIds));
    }

    private long insertBuyer(Instant now) {
        org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO user_account (login_name, password_hash, role, display_name, enabled, "
                    + "created_at, updated_at) VALUES (?, ?, 'CITIZEN', '展销现场顾客', 0, ?, ?)", new String[] {"id"});
            ps.setString(1, "fair-buyer-" + UUID.randomUUID());
            ps.setString(2, NO_PASSWORD);
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setTimestamp(4, Timestamp.from(now));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    public FairResponse get(CurrentUser user, long fairId) {
        SalesFair fair = requireReadable(user, fairId);
        return FairResponse.of(fair, fairs.villages(fairId));
    }

    public PageResult<FairResponse> list(CurrentUser user, PageQuery page) {
        Set<Long> readable = scope.readableAgencies(user);
        LambdaQueryWrapper<SalesFair> query = new LambdaQueryWrapper<SalesFair>().orderByDesc(SalesFair::getId);
        if (readable != null) {
            if (readable.isEmpty()) {
                return PageResult.of(page.<SalesFair>toPage(), f -> FairResponse.of(f, List.of()));
            }
            query.in(SalesFair::getAgencyId, readable);
        }
        return PageResult.of(fairs.selectPage(page.toPage(), query), f -> FairResponse.of(f, fairs.villages(f.getId())));
    }

    /** Stores a photo of the fair: its format is judged by its bytes, its size against the image limit. */
    public EvidenceResponse upload(CurrentUser user, long fairId, MultipartFile file) {
        SalesFair fair = requireWritable(user, fairId);
        if (file == null || file.isEmpty()) {
            throw FairErrors.unsupportedImage();
        }
        if (file.getSize() > maxImageBytes) {
            throw FairErrors.imageTooLarge(maxImageBytes);
        }
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ImageType type = ImageType.detect(content).orElseThrow(FairErrors::unsupportedImage);
        String key = storage.store(content, type);
        FairEvidence row = new FairEvidence();
        row.setFairId(fair.getId());
        row.setStorageKey(key);
        row.setContentType(type.contentType());
        row.setSizeBytes(content.length);
        row.setUploadedBy(user.id());
        row.setCreatedAt(now());
        try {
            evidence.insert(row);
        } catch (RuntimeException e) {
            storage.delete(key);
            throw e;
        }
        return EvidenceResponse.of(row);
    }

    public record Photo(Resource resource, String contentType) {
    }

    public Photo photo(CurrentUser user, long fairId, long evidenceId) {
        requireReadable(user, fairId);
        FairEvidence row = evidence.selectById(evidenceId);
        if (row == null || !row.getFairId().equals(fairId)) {
            throw FairErrors.evidenceNotFound();
        }
        Resource resource = storage.load(row.getStorageKey()).orElseThrow(FairErrors::evidenceNotFound);
        return new Photo(resource, row.getContentType());
    }

    SalesFair requireReadable(CurrentUser user, long fairId) {
        SalesFair fair = fairs.selectById(fairId);
        if (fair == null) {
            throw FairErrors.fairNotFound();
        }
        scope.requireRead(user, fair.getAgencyId(), FairErrors.fairNotFound());
        return fair;
    }

    SalesFair requireWritable(CurrentUser user, long fairId) {
        SalesFair fair = requireReadable(user, fairId);
        scope.requireWrite(user, fair.getAgencyId(), FairErrors.fairNotFound());
        return fair;
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
