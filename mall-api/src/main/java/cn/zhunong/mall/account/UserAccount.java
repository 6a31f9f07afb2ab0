package cn.zhunong.mall.account;

import cn.zhunong.mall.infra.persistence.TimestampedEntity;
import cn.zhunong.mall.infra.security.Role;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** A login: a citizen (login name = phone) or an account created by an admin. */
@TableName("user_account")
public class UserAccount extends TimestampedEntity {

    @TableId(type = IdType.AUTO)
    private Long id;
    private String loginName;
    private String passwordHash;
    private Role role;
    private String displayName;
    private Long agencyId;
    private Long streamerId;
    private Boolean canViewPii;
    private Boolean enabled;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getLoginName() {
        return loginName;
    }

    public void setLoginName(String loginName) {
        this.loginName = loginName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public Long getAgencyId() {
        return agencyId;
    }

    public void setAgencyId(Long agencyId) {
        this.agencyId = agencyId;
    }

    public Long getStreamerId() {
        return streamerId;
    }

    public void setStreamerId(Long streamerId) {
        this.streamerId = streamerId;
    }

    public Boolean getCanViewPii() {
        return canViewPii;
    }

    public void setCanViewPii(Boolean canViewPii) {
        this.canViewPii = canViewPii;
    }

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    /** Not named isEnabled: MyBatis would see two getters for "enabled". */
    public boolean accountEnabled() {
        return Boolean.TRUE.equals(enabled);
    }
}
