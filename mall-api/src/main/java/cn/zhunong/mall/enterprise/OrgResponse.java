package cn.zhunong.mall.enterprise;

import java.time.Instant;

/** An organisation; the contact's phone only masked. */
public record OrgResponse(long id, String name, String creditCode, String contactName, String contactPhoneMasked,
        Instant createdAt) {

    static OrgResponse of(EnterpriseOrg org) {
        return new OrgResponse(org.getId(), org.getName(), org.getCreditCode(), org.getContactName(),
                org.getContactPhoneMasked(), org.getCreatedAt());
    }
}
