package cn.zhunong.mall.ledger.payout;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param localDir where uploaded files are kept when stored on the local disk */
@ConfigurationProperties("zhunong.storage")
public record StorageProperties(Path localDir) {

    public StorageProperties {
        localDir = localDir == null ? Path.of(System.getProperty("java.io.tmpdir"), "zhunong-storage") : localDir;
    }
}
