package cn.zhunong.mall.catalog.tag;

import cn.zhunong.mall.catalog.CatalogChanges;
import cn.zhunong.mall.catalog.CatalogTime;
import cn.zhunong.mall.catalog.cache.CatalogCache;
import cn.zhunong.mall.infra.persistence.DuplicateKeys;
import cn.zhunong.mall.infra.web.ApiException;
import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;

/** Campaign tags (admin-managed) and which products carry them. */
@Service
public class CampaignTagService {

    private final CampaignTagMapper tags;
    private final CatalogChanges changes;
    private final CatalogCache cache;
    private final CatalogTime time;

    public CampaignTagService(CampaignTagMapper tags, CatalogChanges changes, CatalogCache cache, CatalogTime time) {
        this.tags = tags;
        this.changes = changes;
        this.cache = cache;
        this.time = time;
    }

    @Transactional
    public CampaignTagResponse create(CampaignTagRequest request) {
        CampaignTag tag = new CampaignTag();
        apply(tag, request);
        tag.setCreatedAt(time.now());
        save(() -> tags.insert(tag));
        changes.listsChanged();
        return CampaignTagResponse.of(tag);
    }

    @Transactional
    public CampaignTagResponse update(long id, CampaignTagRequest request) {
        CampaignTag tag = require(id);
        apply(tag, request);
        save(() -> tags.updateById(tag));
        changes.searchableChanged(tags.productsWithTag(id));
        changes.listsChanged();
        return CampaignTagResponse.of(tag);
    }

    /** Deletes the tag and takes it off every product (the link rows cascade). */
    @Transactional
    public void delete(long id) {
        require(id);
        List<Long> tagged = tags.productsWithTag(id);
        tags.deleteById(id);
        changes.searchableChanged(tagged);
        changes.listsChanged();
    }

    public List<CampaignTagResponse> list() {
        return cache.getOrLoad(cache.listKey("campaign-tags"), new TypeReference<List<CampaignTagResponse>>() { },
                () -> tags.selectList(new LambdaQueryWrapper<CampaignTag>().orderByAsc(CampaignTag::getSortOrder, CampaignTag::getId))
                        .stream().map(CampaignTagResponse::of).toList());
    }

    public List<CampaignTag> tagsOf(long productId) {
        return tags.tagsOfProduct(productId);
    }

    /** Replaces the product's tags with those of the given codes; the caller holds the product lock and reports the change. */
    public void replaceTags(long productId, Collection<String> codes) {
        Set<String> wanted = new TreeSet<>(codes);
        List<CampaignTag> found = wanted.isEmpty() ? List.of()
                : tags.selectList(new LambdaQueryWrapper<CampaignTag>().in(CampaignTag::getCode, wanted));
        if (found.size() != wanted.size()) {
            throw ApiException.badRequest("UNKNOWN_CAMPAIGN_TAG", "活动标签不存在");
        }
        tags.unlinkAll(productId);
        found.forEach(t -> tags.link(productId, t.getId()));
    }

    private CampaignTag require(long id) {
        CampaignTag tag = tags.selectById(id);
        if (tag == null) {
            throw ApiException.notFound("CAMPAIGN_TAG_NOT_FOUND", "活动标签不存在");
        }
        return tag;
    }

    private static void apply(CampaignTag tag, CampaignTagRequest request) {
        tag.setCode(request.code());
        tag.setName(request.name().strip());
        tag.setSortOrder(request.sortOrder() == null ? 0 : request.sortOrder());
    }

    private static void save(Runnable write) {
        try {
            write.run();
        } catch (DuplicateKeyException e) {
            if (DuplicateKeys.violates(e, "uk_campaign_tag_code")) {
                throw ApiException.conflict("CAMPAIGN_TAG_CODE_EXISTS", "活动标签代码已存在");
            }
            throw e;
        }
    }
}
