package cn.zhunong.mall.support;

import cn.zhunong.devinfra.EmbeddedInfra;

/** One embedded MariaDB and one Redis per test JVM, started on first use and shared by all tests. */
public final class TestInfra {

    private static EmbeddedInfra infra;

    private TestInfra() {
    }

    public static synchronized EmbeddedInfra get() {
        if (infra == null) {
            infra = EmbeddedInfra.start(null, "zhunong_test");
            Runtime.getRuntime().addShutdownHook(new Thread(infra::close));
        }
        return infra;
    }
}
