package cn.zhunong.devinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedInfraTest {

    @Test
    void aRunWithoutHomeLeavesNothingBehind() throws Exception {
        Path base;
        try (EmbeddedInfra infra = EmbeddedInfra.start(null, "infra_temp")) {
            base = infra.temporaryBase();
            assertThat(base).isDirectory();
            assertThat(answer(infra)).isEqualTo(1);
        }
        assertThat(base).doesNotExist();
    }

    @Test
    void aRunWithHomeKeepsItsData(@TempDir Path home) throws Exception {
        try (EmbeddedInfra infra = EmbeddedInfra.start(home, "infra_kept")) {
            assertThat(infra.temporaryBase()).isNull();
            assertThat(answer(infra)).isEqualTo(1);
        }
        assertThat(home.resolve("mariadb-data")).isDirectory();
        assertThat(home.resolve("redis")).isDirectory();
    }

    private static int answer(EmbeddedInfra infra) throws Exception {
        try (Connection connection = DriverManager.getConnection(infra.jdbcUrl(), infra.dbUser(), infra.dbPassword());
                ResultSet result = connection.createStatement().executeQuery("SELECT 1")) {
            result.next();
            return result.getInt(1);
        }
    }
}
