package cn.zhunong.live;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class LiveRoomApplication {

    public static void main(String[] args) {
        SpringApplication.run(LiveRoomApplication.class, args);
    }
}
