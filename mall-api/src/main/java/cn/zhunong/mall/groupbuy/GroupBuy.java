package cn.zhunong.mall.groupbuy;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Instant;

/** One group of an activity, from its leader's payment to success or failure. */
@TableName("group_buy")
public class GroupBuy {

    @TableId(type = IdType.AUTO)
    private Long id;
    private Long activityId;
    private Long agencyId;
    private Long leaderUserId;
    private Long leaderOrderId;
    private Integer size;
    private Integer paidMembers;
    private GroupStatus status;
    private Instant expiresAt;
    private Instant succeededAt;
    private Instant failedAt;
    private Instant createdAt;
    private Instant updatedAt;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Long getActivityId() {
        return activityId;
    }

    public void setActivityId(Long activityId) {
        this.activityId = activityId;
    }

    public Long getAgencyId() {
        return agencyId;
    }

    public void setAgencyId(Long agencyId) {
        this.agencyId = agencyId;
    }

    public Long getLeaderUserId() {
        return leaderUserId;
    }

    public void setLeaderUserId(Long leaderUserId) {
        this.leaderUserId = leaderUserId;
    }

    public Long getLeaderOrderId() {
        return leaderOrderId;
    }

    public void setLeaderOrderId(Long leaderOrderId) {
        this.leaderOrderId = leaderOrderId;
    }

    public Integer getSize() {
        return size;
    }

    public void setSize(Integer size) {
        this.size = size;
    }

    public Integer getPaidMembers() {
        return paidMembers;
    }

    public void setPaidMembers(Integer paidMembers) {
        this.paidMembers = paidMembers;
    }

    public GroupStatus getStatus() {
        return status;
    }

    public void setStatus(GroupStatus status) {
        this.status = status;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Instant expiresAt) {
        this.expiresAt = expiresAt;
    }

    public Instant getSucceededAt() {
        return succeededAt;
    }

    public void setSucceededAt(Instant succeededAt) {
        this.succeededAt = succeededAt;
    }

    public Instant getFailedAt() {
        return failedAt;
    }

    public void setFailedAt(Instant failedAt) {
        this.failedAt = failedAt;
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
