package io.mipgate.store;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The history store: the box identity, the off-thread writer and the scheduled retention prune. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(StoreProperties.class)
public class StoreConfiguration {

    @Bean
    BoxId boxId(@Value("${mipgate.box-id:}") String configured) {
        return BoxId.resolve(configured);
    }
}
