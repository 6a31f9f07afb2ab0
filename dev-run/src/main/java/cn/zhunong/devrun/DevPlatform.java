package cn.zhunong.devrun;

import cn.zhunong.devinfra.EmbeddedInfra;
import cn.zhunong.live.LiveRoomApplication;
import cn.zhunong.live.socket.SocketServerLifecycle;
import cn.zhunong.mall.MallApiApplication;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The embedded platform for development and demos, in one JVM: MariaDB and Redis on free local
 * ports, then mall-api (migrations + demo data) and live-room. Data persist in
 * {@code .data/dev} under the working directory; {@code --reset} wipes them first.
 *
 * <p>Flags: {@code --reset}, {@code --data-dir=PATH}, {@code --mall-port=8080},
 * {@code --live-port=8081}, {@code --socket-port=9092}.
 */
public final class DevPlatform {

    /**
     * dev-run's classpath also has mall-api's Flyway, MyBatis and security stack, which live-room does
     * not use (live-room has a DataSource of its own for chat records; mall-api runs the migrations).
     */
    private static final String[] LIVE_ROOM_EXCLUDES = {
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        "com.baomidou.mybatisplus.autoconfigure.MybatisPlusAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration",
    };

    private DevPlatform() {
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        LaunchOptions options = LaunchOptions.parse(args);
        if (options.reset()) {
            EmbeddedInfra.deleteData(options.dataDir());
            System.out.println("Reset: removed " + options.dataDir().toAbsolutePath());
        }
        DevSecrets secrets = DevSecrets.loadOrCreate(options.dataDir().resolve("dev-secrets.properties"));
        EmbeddedInfra infra = EmbeddedInfra.start(options.dataDir().resolve("infra"), "zhunong");
        DevAlipay alipay = DevAlipay.start(options.dataDir().resolve("alipay-sim-keys.properties"));

        Map<String, Object> shared = new HashMap<>();
        shared.put("spring.data.redis.host", "127.0.0.1");
        shared.put("spring.data.redis.port", infra.redisPort());
        shared.put("zhunong.security.jwt-secret", secrets.jwtSecret());

        Map<String, Object> mall = new HashMap<>(shared);
        mall.put("spring.datasource.url", infra.jdbcUrl());
        mall.put("spring.datasource.username", infra.dbUser());
        mall.put("spring.datasource.password", infra.dbPassword());
        mall.put("zhunong.pii.encryption-key", secrets.piiEncryptionKey());
        mall.put("zhunong.pii.hash-key", secrets.piiHashKey());
        mall.put("zhunong.live.stream.push-key", secrets.livePushKey());
        mall.put("zhunong.live.stream.pull-key", secrets.livePullKey());
        mall.put("server.port", options.mallPort());
        mall.putAll(alipay.mallProperties(options.mallPort()));
        ConfigurableApplicationContext mallApi = new SpringApplicationBuilder(MallApiApplication.class, DemoDataLoader.class)
                .properties(MallApiApplication.CONFIG_NAME)
                .initializers(overriding(mall))
                .run();

        Map<String, Object> live = new HashMap<>(shared);
        live.put("spring.datasource.url", infra.jdbcUrl());
        live.put("spring.datasource.username", infra.dbUser());
        live.put("spring.datasource.password", infra.dbPassword());
        live.put("server.port", options.livePort());
        live.put("zhunong.live.socketio.port", options.socketPort());
        ConfigurableApplicationContext liveRoom = new SpringApplicationBuilder(LiveRoomApplication.class)
                .properties(LiveRoomApplication.CONFIG_NAME)
                .properties("spring.autoconfigure.exclude=" + String.join(",", LIVE_ROOM_EXCLUDES))
                .initializers(overriding(live))
                .run();

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            liveRoom.close();
            mallApi.close();
            alipay.close();
            infra.close();
        }, "dev-platform-shutdown"));
        printBanner(mallApi, liveRoom, options, Duration.ofNanos(System.nanoTime() - started));
        System.out.println(" Alipay simulator (dev only): " + alipay.baseUrl() + "  (open a payUrl / qrCode to pay)");
    }

    /** Our values win over application.yml (whose placeholders expect environment variables). */
    private static ApplicationContextInitializer<ConfigurableApplicationContext> overriding(Map<String, Object> properties) {
        return context -> context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("dev-platform", properties));
    }

    private static void printBanner(ConfigurableApplicationContext mallApi, ConfigurableApplicationContext liveRoom,
            LaunchOptions options, Duration startup) {
        int mallPort = ((WebServerApplicationContext) mallApi).getWebServer().getPort();
        int livePort = ((WebServerApplicationContext) liveRoom).getWebServer().getPort();
        int socketPort = liveRoom.getBean(SocketServerLifecycle.class).port();
        long heapMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
        String banner = """

                ================= 助农 platform is running (embedded dev mode) =================
                 mall-api     http://localhost:%1$d/api/v1
                 Swagger UI   http://localhost:%1$d/swagger-ui.html
                 health       http://localhost:%1$d/actuator/health   metrics: /actuator/prometheus
                 live-room    http://localhost:%2$d/actuator/health   socket.io: http://localhost:%3$d/socket.io/
                 data         %4$s   (start with --reset to wipe)
                 started in   %5$.1f s, heap in use %6$d MB
                 demo logins (password for all: %7$s)
                %8$s
                ================================================================================
                """.formatted(mallPort, livePort, socketPort, options.dataDir().toAbsolutePath(),
                startup.toMillis() / 1000.0, heapMb, DemoData.PASSWORD, DemoData.loginsTable());
        System.out.println(banner);
    }

    record LaunchOptions(boolean reset, Path dataDir, int mallPort, int livePort, int socketPort) {

        static LaunchOptions parse(String[] args) {
            boolean reset = false;
            Path dataDir = Path.of(".data", "dev");
            int mallPort = 8080;
            int livePort = 8081;
            int socketPort = 9092;
            for (String arg : args) {
                if (arg.equals("--reset")) {
                    reset = true;
                } else if (arg.startsWith("--data-dir=")) {
                    dataDir = Path.of(value(arg));
                } else if (arg.startsWith("--mall-port=")) {
                    mallPort = Integer.parseInt(value(arg));
                } else if (arg.startsWith("--live-port=")) {
                    livePort = Integer.parseInt(value(arg));
                } else if (arg.startsWith("--socket-port=")) {
                    socketPort = Integer.parseInt(value(arg));
                } else {
                    throw new IllegalArgumentException("Unknown option " + arg
                            + " (known: --reset --data-dir= --mall-port= --live-port= --socket-port=)");
                }
            }
            return new LaunchOptions(reset, dataDir, mallPort, livePort, socketPort);
        }

        private static String value(String arg) {
            return arg.substring(arg.indexOf('=') + 1);
        }
    }
}
