package cn.zhunong.mall.registry.household;

import cn.zhunong.mall.infra.persistence.TimestampedEntity;
import com.baomidou.mybatisplus.annotation.FieldStrategy;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/**
 * A registered household. Personal values exist here only as ciphertext, keyed hash and masked
 * form; the plain values are never held on this entity. Optional values are written even when
 * null on update, so removing a bank account or phone really clears it.
 */
@TableName("household")
public class Household extends TimestampedEntity {

    @TableId(type = IdType.AUTO)
    private Long id;
    private Long villageId;
    private String headName;
    private HouseholdCategory category;
    private Integer memberCount;
    private byte[] idNumberEnc;
    private byte[] idNumberHash;
    private String idNumberMasked;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private byte[] bankAccountEnc;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private byte[] bankAccountHash;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String bankAccountMasked;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private byte[] phoneEnc;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private byte[] phoneHash;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String phoneMasked;
    private Boolean consentPublic;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String publicAlias;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getVillageId() { return villageId; }
    public void setVillageId(Long villageId) { this.villageId = villageId; }
    public String getHeadName() { return headName; }
    public void setHeadName(String headName) { this.headName = headName; }
    public HouseholdCategory getCategory() { return category; }
    public void setCategory(HouseholdCategory category) { this.category = category; }
    public Integer getMemberCount() { return memberCount; }
    public void setMemberCount(Integer memberCount) { this.memberCount = memberCount; }
    public byte[] getIdNumberEnc() { return idNumberEnc; }
    public void setIdNumberEnc(byte[] idNumberEnc) { this.idNumberEnc = idNumberEnc; }
    public byte[] getIdNumberHash() { return idNumberHash; }
    public void setIdNumberHash(byte[] idNumberHash) { this.idNumberHash = idNumberHash; }
    public String getIdNumberMasked() { return idNumberMasked; }
    public void setIdNumberMasked(String idNumberMasked) { this.idNumberMasked = idNumberMasked; }
    public byte[] getBankAccountEnc() { return bankAccountEnc; }
    public void setBankAccountEnc(byte[] bankAccountEnc) { this.bankAccountEnc = bankAccountEnc; }
    public byte[] getBankAccountHash() { return bankAccountHash; }
    public void setBankAccountHash(byte[] bankAccountHash) { this.bankAccountHash = bankAccountHash; }
    public String getBankAccountMasked() { return bankAccountMasked; }
    public void setBankAccountMasked(String bankAccountMasked) { this.bankAccountMasked = bankAccountMasked; }
    public byte[] getPhoneEnc() { return phoneEnc; }
    public void setPhoneEnc(byte[] phoneEnc) { this.phoneEnc = phoneEnc; }
    public byte[] getPhoneHash() { return phoneHash; }
    public void setPhoneHash(byte[] phoneHash) { this.phoneHash = phoneHash; }
    public String getPhoneMasked() { return phoneMasked; }
    public void setPhoneMasked(String phoneMasked) { this.phoneMasked = phoneMasked; }
    public Boolean getConsentPublic() { return consentPublic; }
    public void setConsentPublic(Boolean consentPublic) { this.consentPublic = consentPublic; }
    public String getPublicAlias() { return publicAlias; }
    public void setPublicAlias(String publicAlias) { this.publicAlias = publicAlias; }

    /** Never prints personal values, even encrypted, so an accidental log line stays harmless. */
    @Override
    public String toString() {
        return "Household[id=" + id + ", villageId=" + villageId + ", category=" + category + "]";
    }
}
