package cn.zhunong.mall.infra.persistence;

import org.springframework.dao.DuplicateKeyException;

/**
 * Tells which unique key a {@link DuplicateKeyException} hit, so a service can turn it into a
 * specific 409. MariaDB names the key as {@code for key 'uk_x'}, MySQL 8 as {@code for key 'table.uk_x'}.
 */
public final class DuplicateKeys {

    private DuplicateKeys() {
    }

    public static boolean violates(DuplicateKeyException e, String keyName) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && (message.contains("'" + keyName + "'") || message.contains("." + keyName + "'"))) {
                return true;
            }
        }
        return false;
    }
}
