package cn.zhunong.mall.catalog.tag;

public record CampaignTagResponse(long id, String code, String name, int sortOrder) {

    public static CampaignTagResponse of(CampaignTag t) {
        return new CampaignTagResponse(t.getId(), t.getCode(), t.getName(), t.getSortOrder());
    }
}
