package cn.zhunong.live;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class LiveRoomApplication {

    /** Our config file is live-room.yml, not application.yml, so both servers can share one JVM in dev. */
    public static final String CONFIG_NAME = "spring.config.name=live-room";

    public static void main(String[] args) {
        new SpringApplicationBuilder(LiveRoomApplication.class).properties(CONFIG_NAME).run(args);
    }
}
