package cn.zhunong.mall.registry.streamer;

import cn.zhunong.mall.infra.persistence.TimestampedEntity;
import com.baomidou.mybatisplus.annotation.FieldStrategy;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDate;

/** A streamer (村播主播). The ID number is stored encrypted, hashed for de-duplication and masked for display. */
@TableName("streamer")
public class Streamer extends TimestampedEntity {

    @TableId(type = IdType.AUTO)
    private Long id;
    /** The agency that registered the streamer; null for one registered by the platform. */
    private Long agencyId;
    private String displayName;
    private String realName;
    private byte[] idNumberEnc;
    private byte[] idNumberHash;
    private String idNumberMasked;
    private LocalDate birthDate;
    private Boolean realNameVerified;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String mcn;
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private String regionCode;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Long getAgencyId() {
        return agencyId;
    }

    public void setAgencyId(Long agencyId) {
        this.agencyId = agencyId;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getRealName() {
        return realName;
    }

    public void setRealName(String realName) {
        this.realName = realName;
    }

    public byte[] getIdNumberEnc() {
        return idNumberEnc;
    }

    public void setIdNumberEnc(byte[] idNumberEnc) {
        this.idNumberEnc = idNumberEnc;
    }

    public byte[] getIdNumberHash() {
        return idNumberHash;
    }

    public void setIdNumberHash(byte[] idNumberHash) {
        this.idNumberHash = idNumberHash;
    }

    public String getIdNumberMasked() {
        return idNumberMasked;
    }

    public void setIdNumberMasked(String idNumberMasked) {
        this.idNumberMasked = idNumberMasked;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(LocalDate birthDate) {
        this.birthDate = birthDate;
    }

    public Boolean getRealNameVerified() {
        return realNameVerified;
    }

    public void setRealNameVerified(Boolean realNameVerified) {
        this.realNameVerified = realNameVerified;
    }

    public String getMcn() {
        return mcn;
    }

    public void setMcn(String mcn) {
        this.mcn = mcn;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public void setRegionCode(String regionCode) {
        this.regionCode = regionCode;
    }
}
