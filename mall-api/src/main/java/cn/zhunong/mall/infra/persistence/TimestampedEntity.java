package cn.zhunong.mall.infra.persistence;

import java.time.Instant;

/** The created/updated instants (UTC, DATETIME(3)) every mutable registry row carries. */
public abstract class TimestampedEntity {

    private Instant createdAt;
    private Instant updatedAt;

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
