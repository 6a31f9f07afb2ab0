package cn.zhunong.devrun;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhunong.devinfra.EmbeddedInfra;
import cn.zhunong.mall.MallApiApplication;
import cn.zhunong.mall.infra.crypto.Masking;
import cn.zhunong.mall.infra.crypto.PiiCipher;
import cn.zhunong.mall.registry.validation.CreditCode;
import cn.zhunong.mall.registry.validation.ResidentIdNumber;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The demo data load into a fresh database, obey every registry rule, and are loaded only once. */
class DemoDataTest {

    private static EmbeddedInfra infra;
    private static ConfigurableApplicationContext mallApi;
    private static JdbcTemplate jdbc;
    private static DevAlipay alipay;

    @BeforeAll
    static void start() {
        infra = EmbeddedInfra.start(null, "zhunong_demo");
        alipay = DevAlipay.start(java.nio.file.Path.of(System.getProperty("java.io.tmpdir"),
                "zhunong-demo-test-" + System.nanoTime(), "alipay-sim-keys.properties"));
        Map<String, Object> props = new HashMap<>(alipay.mallProperties(0));
        props.putAll(Map.of(
                "spring.datasource.url", infra.jdbcUrl(),
                "spring.datasource.username", infra.dbUser(),
                "spring.datasource.password", infra.dbPassword(),
                "spring.data.redis.host", "127.0.0.1",
                "spring.data.redis.port", infra.redisPort(),
                "server.port", 0,
                "zhunong.security.jwt-secret", "demo-test-secret-demo-test-secret-0123456789",
                "zhunong.pii.encryption-key", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                "zhunong.pii.hash-key", "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA="));
        props.put("zhunong.live.stream.push-key", "demo-push-key");
        props.put("zhunong.live.stream.pull-key", "demo-pull-key");
        mallApi = new SpringApplicationBuilder(MallApiApplication.class, DemoDataLoader.class)
                .properties(MallApiApplication.CONFIG_NAME)
                .initializers(ctx -> ctx.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", props)))
                .run();
        jdbc = mallApi.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        mallApi.close();
        alipay.close();
        infra.close();
    }

    @Test
    void theDemoWorldHasWhatTheIssueAsksFor() {
        assertThat(count("SELECT COUNT(*) FROM agency")).isGreaterThanOrEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM agency WHERE type = 'SOCIAL_WORK_STATION'")).isGreaterThanOrEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM agency_pairing p JOIN agency a ON a.id = p.aiding_agency_id "
                + "WHERE a.type = 'SOCIAL_WORK_ORG'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM village")).isEqualTo(6);
        assertThat(count("SELECT COUNT(DISTINCT county_code) FROM village")).isEqualTo(2);
        assertThat(count("SELECT COUNT(DISTINCT village_id) FROM village_flag WHERE flag = 'KEY_ASSISTANCE_COUNTY'")).isPositive();
        assertThat(count("SELECT COUNT(DISTINCT village_id) FROM village_flag WHERE flag = 'PILOT_CUNCUNBO'")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM household")).isEqualTo(60);
        assertThat(count("SELECT COUNT(DISTINCT category) FROM household")).isGreaterThanOrEqualTo(4);
        assertThat(count("SELECT COUNT(*) FROM streamer")).isEqualTo(8);
        assertThat(count("SELECT COUNT(*) FROM village_streamer_pairing WHERE status = 'ACTIVE'")).isGreaterThanOrEqualTo(6);
        assertThat(jdbc.queryForList("SELECT DISTINCT role FROM user_account", String.class))
                .containsExactlyInAnyOrder("CITIZEN", "HOST", "AGENCY_STAFF", "PLATFORM_ADMIN");
    }

    @Test
    void personalDataAreStoredAsTheServicesStoreThem() {
        PiiCipher pii = mallApi.getBean(PiiCipher.class);
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT id_number_enc, id_number_hash, id_number_masked, phone_enc, phone_masked FROM household");
        for (Map<String, Object> row : rows) {
            String id = pii.decrypt((byte[]) row.get("id_number_enc"));
            assertThat(ResidentIdNumber.isValid(id, LocalDate.now())).isTrue();
            assertThat((byte[]) row.get("id_number_hash")).isEqualTo(pii.hash(id));
            assertThat(row.get("id_number_masked")).isEqualTo(Masking.idNumber(id));
            assertThat(row.get("phone_masked")).isEqualTo(Masking.phone(pii.decrypt((byte[]) row.get("phone_enc"))));
        }
        for (String code : jdbc.queryForList("SELECT credit_code FROM agency", String.class)) {
            assertThat(CreditCode.isValid(code)).as(code).isTrue();
        }
        for (byte[] enc : jdbc.queryForList("SELECT id_number_enc FROM streamer", byte[].class)) {
            assertThat(ResidentIdNumber.ageOn(pii.decrypt(enc), LocalDate.now())).isGreaterThanOrEqualTo(16);
        }
    }

    @Test
    void everyDemoLoginWorks() throws Exception {
        int port = ((WebServerApplicationContext) mallApi).getWebServer().getPort();
        HttpClient http = HttpClient.newHttpClient();
        for (DemoData.Login login : DemoData.LOGINS) {
            String body = "{\"login\":\"" + login.loginName() + "\",\"password\":\"" + DemoData.PASSWORD + "\"}";
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/login"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(login.loginName() + ": " + response.body()).isEqualTo(200);
            assertThat(response.body()).contains("accessToken");
        }
    }

    @Test
    void loadingTwiceChangesNothing() throws Exception {
        mallApi.getBean(DemoDataLoader.class).run(null);
        assertThat(count("SELECT COUNT(*) FROM household")).isEqualTo(60);
    }

    private static long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
