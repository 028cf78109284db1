package io.mipgate.store;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The history store: the box identity and its lease, the off-thread writer and the scheduled retention prune. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(StoreProperties.class)
public class StoreConfiguration {

    @Bean
    BoxId boxId(@Value("${mipgate.box-id:}") String configured) {
        return BoxId.resolve(configured);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "mipgate.store.lease.enabled", matchIfMissing = true)
    BoxLease boxLease(JdbcTemplate jdbc, BoxId boxId, StoreProperties properties, MeterRegistry registry) {
        return new BoxLease(jdbc, boxId, properties.lease(), registry, BoxLease.PROCESS_INSTANCE);
    }
}
