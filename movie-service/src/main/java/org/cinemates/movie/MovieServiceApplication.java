package org.cinemates.movie;

import org.cinemates.platform.config.ServiceRuntime;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class MovieServiceApplication {

    public static void main(String[] args) {
        ServiceRuntime.prepare();
        SpringApplication.run(MovieServiceApplication.class, args);
    }
}
