package cn.zhunong.mall.enterprise;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

/** An organisation that buys in bulk (企业团购); see V15__enterprise_purchases.sql. */
@TableName("enterprise_org")
public class EnterpriseOrg {

    @TableId(type = IdType.AUTO)
    private Long id;
    private String name;
    private String creditCode;
    private String contactName;
    private byte[] contactPhoneEnc;
    private String contactPhoneMasked;
    private Long createdBy;
    private Instant createdAt;
    private Instant updatedAt;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCreditCode() {
        return creditCode;
    }

    public void setCreditCode(String creditCode) {
        this.creditCode = creditCode;
    }

    public String getContactName() {
        return contactName;
    }

    public void setContactName(String contactName) {
        this.contactName = contactName;
    }

    public byte[] getContactPhoneEnc() {
        return contactPhoneEnc;
    }

    public void setContactPhoneEnc(byte[] contactPhoneEnc) {
        this.contactPhoneEnc = contactPhoneEnc;
    }

    public String getContactPhoneMasked() {
        return contactPhoneMasked;
    }

    public void setContactPhoneMasked(String contactPhoneMasked) {
        this.contactPhoneMasked = contactPhoneMasked;
    }

    public Long getCreatedBy() {
        return createdBy;
    }

    public void setCreatedBy(Long createdBy) {
        this.createdBy = createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }
}
