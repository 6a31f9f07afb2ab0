package cn.zhunong.mall.support;

import cn.zhunong.devinfra.EmbeddedInfra;
import cn.zhunong.live.LiveRoomApplication;
import cn.zhunong.live.socket.SocketServerLifecycle;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A live-room node in the test JVM on the same embedded MariaDB and Redis as the mall-api test
 * server (as the dev launcher runs them), so a test can follow an in-room purchase from the order
 * to what viewers see. Started once, on first use, and stopped with the JVM.
 */
public final class LiveRoomNode {

    /** mall-api's Flyway, MyBatis and security stack are on this classpath; live-room uses none of them. */
    private static final String[] EXCLUDES = {
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

    private static LiveRoomNode node;

    private final ConfigurableApplicationContext context;

    private LiveRoomNode(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static synchronized LiveRoomNode get() {
        if (node == null) {
            EmbeddedInfra infra = TestInfra.get();
            Map<String, Object> properties = new HashMap<>();
            properties.put("spring.data.redis.host", "127.0.0.1");
            properties.put("spring.data.redis.port", infra.redisPort());
            properties.put("spring.datasource.url", infra.jdbcUrl());
            properties.put("spring.datasource.username", infra.dbUser());
            properties.put("spring.datasource.password", infra.dbPassword());
            properties.put("zhunong.security.jwt-secret", ApiTest.JWT_SECRET);
            properties.put("server.port", 0);
            properties.put("zhunong.live.socketio.host", "127.0.0.1");
            properties.put("zhunong.live.socketio.port", 0);
            properties.put("zhunong.live.node.id", "mall-test-live-node");
            ConfigurableApplicationContext context = new SpringApplicationBuilder(LiveRoomApplication.class)
                    .properties(LiveRoomApplication.CONFIG_NAME)
                    .properties("spring.autoconfigure.exclude=" + String.join(",", EXCLUDES))
                    .initializers(c -> c.getEnvironment().getPropertySources()
                            .addFirst(new MapPropertySource("mall-api-test", properties)))
                    .run();
            Runtime.getRuntime().addShutdownHook(new Thread(context::close, "live-room-test-node-stop"));
            node = new LiveRoomNode(context);
        }
        return node;
    }

    public String socketUrl() {
        return "http://127.0.0.1:" + context.getBean(SocketServerLifecycle.class).port();
    }

    public String httpUrl() {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
