package cn.zhunong.mall.support;

import cn.zhunong.devinfra.EmbeddedInfra;
import cn.zhunong.mall.MallApiApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base for tests that drive the real server over HTTP, backed by the shared embedded MariaDB and
 * Redis. All subclasses share one Spring context; they keep out of each other's way with unique
 * keys (see {@link TestData}), never by cleaning tables.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = MallApiApplication.CONFIG_NAME)
public abstract class ApiTest {

    public static final String JWT_SECRET = "test-secret-test-secret-test-secret-0123456789";

    @LocalServerPort
    protected int port;

    @Autowired
    protected TestData data;

    private Api api;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        EmbeddedInfra infra = TestInfra.get();
        registry.add("spring.datasource.url", infra::jdbcUrl);
        registry.add("spring.datasource.username", infra::dbUser);
        registry.add("spring.datasource.password", infra::dbPassword);
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", infra::redisPort);
        registry.add("zhunong.security.jwt-secret", () -> JWT_SECRET);
        registry.add("zhunong.pii.encryption-key", () -> "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        registry.add("zhunong.pii.hash-key", () -> "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=");
        registry.add("zhunong.live.stream.push-key", () -> "test-push-key");
        registry.add("zhunong.live.stream.pull-key", () -> "test-pull-key");
        TestAlipay alipay = TestAlipay.get();
        registry.add("zhunong.alipay.gateway-url", alipay::gatewayUrl);
        registry.add("zhunong.alipay.app-id", () -> TestAlipay.APP_ID);
        registry.add("zhunong.alipay.app-private-key", alipay::appPrivateKey);
        registry.add("zhunong.alipay.alipay-public-key", alipay::alipayPublicKey);
        registry.add("zhunong.alipay.seller-id", () -> TestAlipay.SELLER_ID);
        registry.add("zhunong.alipay.notify-url", alipay::notifyUrl);
        registry.add("zhunong.alipay.return-url", () -> "http://127.0.0.1/paid");
    }

    protected Api api() {
        if (api == null) {
            api = new Api("http://127.0.0.1:" + port);
        }
        return api;
    }
}
