package cn.zhunong.mall;

import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@MapperScan(basePackages = "cn.zhunong.mall", annotationClass = org.apache.ibatis.annotations.Mapper.class)
public class MallApiApplication {

    /** Our config file is mall-api.yml, not application.yml, so both servers can share one JVM in dev. */
    public static final String CONFIG_NAME = "spring.config.name=mall-api";

    public static void main(String[] args) {
        new SpringApplicationBuilder(MallApiApplication.class).properties(CONFIG_NAME).run(args);
    }
}
