package org.cinemates.activity;

import javax.sql.DataSource;
import org.cinemates.platform.data.Database;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ActivityConfiguration {

    @Bean
    Database database(DataSource dataSource) {
        return Database.of(dataSource);
    }
}
