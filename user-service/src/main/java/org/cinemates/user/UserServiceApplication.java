package org.cinemates.user;

import org.cinemates.platform.config.ServiceRuntime;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class UserServiceApplication {

    public static void main(String[] args) {
        ServiceRuntime.prepare();
        SpringApplication.run(UserServiceApplication.class, args);
    }
}
