package cn.zhunong.bench;

import cn.zhunong.alipaysim.AlipaySimulator;
import cn.zhunong.alipaysim.Rsa2;
import cn.zhunong.bench.naive.NaiveOrderConfig;
import cn.zhunong.devinfra.EmbeddedInfra;
import cn.zhunong.mall.MallApiApplication;
import java.security.KeyPair;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** The embedded stack of the dev launcher (MariaDB + Redis from dev-infra) with mall-api in this JVM. */
final class BenchStack implements AutoCloseable {

    final EmbeddedInfra infra;
    final AlipaySimulator alipay;
    final ConfigurableApplicationContext mallApi;
    final int port;

    private BenchStack(EmbeddedInfra infra, AlipaySimulator alipay, ConfigurableApplicationContext mallApi) {
        this.infra = infra;
        this.alipay = alipay;
        this.mallApi = mallApi;
        this.port = ((WebServerApplicationContext) mallApi).getWebServer().getPort();
    }

    static BenchStack start(int poolSize, boolean accessLog, boolean serverPrepared, int tomcatThreads) {
        EmbeddedInfra infra = EmbeddedInfra.start(null, "zhunong_bench");
        KeyPair app = Rsa2.generateKeyPair();
        AlipaySimulator alipay = AlipaySimulator.builder().app("2021000000000001", Rsa2.publicKeyBase64(app)).build().start();
        Map<String, Object> props = new HashMap<>();
        props.put("spring.datasource.url", infra.jdbcUrl());
        props.put("spring.datasource.username", infra.dbUser());
        props.put("spring.datasource.password", infra.dbPassword());
        props.put("spring.datasource.hikari.maximum-pool-size", poolSize);
        props.put("spring.datasource.hikari.data-source-properties.useServerPrepStmts", serverPrepared);
        props.put("spring.data.redis.host", "127.0.0.1");
        props.put("spring.data.redis.port", infra.redisPort());
        props.put("server.port", 0);
        props.put("server.tomcat.threads.max", tomcatThreads);
        props.put("zhunong.security.jwt-secret", "bench-secret-bench-secret-bench-secret-0123456789");
        props.put("zhunong.pii.encryption-key", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        props.put("zhunong.pii.hash-key", "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=");
        props.put("zhunong.alipay.gateway-url", alipay.gatewayUrl());
        props.put("zhunong.alipay.app-id", "2021000000000001");
        props.put("zhunong.alipay.app-private-key", Rsa2.privateKeyBase64(app));
        props.put("zhunong.alipay.alipay-public-key", alipay.alipayPublicKeyBase64());
        props.put("zhunong.alipay.seller-id", alipay.sellerId());
        props.put("zhunong.alipay.notify-url", "http://127.0.0.1:1/unused");
        props.put("zhunong.alipay.return-url", "http://127.0.0.1:1/unused");
        if (!accessLog) {
            // a system property: logging levels are read before context initializers run
            System.setProperty("logging.level.http.access", "WARN");
        }
        ConfigurableApplicationContext mallApi = new SpringApplicationBuilder(MallApiApplication.class, NaiveOrderConfig.class)
                .properties(MallApiApplication.CONFIG_NAME)
                .initializers(ctx -> ctx.getEnvironment().getPropertySources().addFirst(new MapPropertySource("bench", props)))
                .run();
        return new BenchStack(infra, alipay, mallApi);
    }

    @Override
    public void close() {
        mallApi.close();
        alipay.close();
        infra.close();
    }
}
