package cn.zhunong.mall.registry.streamer;

import cn.zhunong.mall.infra.persistence.TimestampedEntity;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDate;

/**
 * 村长–主播结对. The table's generated {@code active_marker} column (1 when ACTIVE) is deliberately not
 * mapped: the database computes it, and its unique key allows one ACTIVE pairing per village–streamer pair.
 */
@TableName("village_streamer_pairing")
public class VillageStreamerPairing extends TimestampedEntity {

    @TableId(type = IdType.AUTO)
    private Long id;
    private Long villageId;
    private Long streamerId;
    private String agreementNo;
    private LocalDate signedDate;
    private LocalDate startDate;
    private LocalDate endDate;
    private Boolean publicWelfare;
    private Integer commissionBp;
    private PairingStatus status;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Long getVillageId() {
        return villageId;
    }

    public void setVillageId(Long villageId) {
        this.villageId = villageId;
    }

    public Long getStreamerId() {
        return streamerId;
    }

    public void setStreamerId(Long streamerId) {
        this.streamerId = streamerId;
    }

    public String getAgreementNo() {
        return agreementNo;
    }

    public void setAgreementNo(String agreementNo) {
        this.agreementNo = agreementNo;
    }

    public LocalDate getSignedDate() {
        return signedDate;
    }

    public void setSignedDate(LocalDate signedDate) {
        this.signedDate = signedDate;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public void setStartDate(LocalDate startDate) {
        this.startDate = startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public void setEndDate(LocalDate endDate) {
        this.endDate = endDate;
    }

    public Boolean getPublicWelfare() {
        return publicWelfare;
    }

    public void setPublicWelfare(Boolean publicWelfare) {
        this.publicWelfare = publicWelfare;
    }

    public Integer getCommissionBp() {
        return commissionBp;
    }

    public void setCommissionBp(Integer commissionBp) {
        this.commissionBp = commissionBp;
    }

    public PairingStatus getStatus() {
        return status;
    }

    public void setStatus(PairingStatus status) {
        this.status = status;
    }
}
