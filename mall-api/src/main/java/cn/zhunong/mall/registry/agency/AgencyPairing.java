package cn.zhunong.mall.registry.agency;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;
import java.time.LocalDate;

/** 牵手计划: the aiding agency helps the aided one within a programme, one-to-one per programme. */
@TableName("agency_pairing")
public class AgencyPairing {

    @TableId(type = IdType.AUTO)
    private Long id;
    private Long aidingAgencyId;
    private Long aidedAgencyId;
    private String programme;
    private LocalDate startDate;
    private LocalDate endDate;
    private Instant createdAt;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Long getAidingAgencyId() {
        return aidingAgencyId;
    }

    public void setAidingAgencyId(Long aidingAgencyId) {
        this.aidingAgencyId = aidingAgencyId;
    }

    public Long getAidedAgencyId() {
        return aidedAgencyId;
    }

    public void setAidedAgencyId(Long aidedAgencyId) {
        this.aidedAgencyId = aidedAgencyId;
    }

    public String getProgramme() {
        return programme;
    }

    public void setProgramme(String programme) {
        this.programme = programme;
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

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }
}
