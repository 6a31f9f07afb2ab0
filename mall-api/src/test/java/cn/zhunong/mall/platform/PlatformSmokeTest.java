package cn.zhunong.mall.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhunong.mall.support.Api;
import cn.zhunong.mall.support.ApiTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The server starts on an empty database, applies every migration, and reports itself healthy. */
class PlatformSmokeTest extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void migrationsApplyToAnEmptyDatabase() {
        List<String> tables = jdbc.queryForList(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()", String.class);
        assertThat(tables).contains("agency", "agency_pairing", "village", "village_flag", "household",
                "household_category_history", "streamer", "village_streamer_pairing", "user_account", "pii_access_log");
        Integer failed = jdbc.queryForObject("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 0", Integer.class);
        assertThat(failed).isZero();
    }

    @Test
    void livenessReadinessAndPrometheusAreExposed() {
        assertThat(api().get("/actuator/health/liveness", null).json().path("status").asString()).isEqualTo("UP");
        assertThat(api().get("/actuator/health/readiness", null).json().path("status").asString()).isEqualTo("UP");
        Api.Response metrics = api().get("/actuator/prometheus", null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void everyResponseCarriesARequestIdAndErrorsAreProblemJson() {
        Api.Response response = api().get("/api/v1/no-such-thing", data.admin().token());
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("NOT_FOUND");
        assertThat(response.json().path("requestId").asString()).isNotBlank();
    }

    @Test
    void requestsWithoutATokenAreRefusedWithProblemJson() {
        Api.Response response = api().get("/api/v1/no-such-thing", null);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("UNAUTHENTICATED");
        Api.Response forged = api().get("/api/v1/no-such-thing", "not.a.jwt");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.code()).isEqualTo("TOKEN_INVALID");
    }

    @Test
    void oversizedBodiesAreRefusedBeforeAnythingReadsThem() {
        byte[] huge = new byte[300 * 1024];
        java.util.Arrays.fill(huge, (byte) 'a');
        Api.Response response = api().raw("POST", "/api/v1/auth/login", null, "application/json", huge);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.code()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void theOpenApiDocumentAndSwaggerUiAreServed() {
        Api.Response docs = api().get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("openapi").asString()).startsWith("3.");
        assertThat(api().get("/swagger-ui/index.html", null).status()).isEqualTo(200);
    }

    @Test
    void aNonNumericPageParameterNamesTheFieldWithoutJavaDetails() {
        Api.Response response = api().get("/api/v1/agencies?page=abc&size=x", data.admin().token());
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.body()).contains("\"page\"").contains("\"size\"").doesNotContain("java.lang");
        assertThat(api().get("/api/v1/agencies?size=1000", data.admin().token()).code()).isEqualTo("VALIDATION_FAILED");
    }
}
