package io.mipgate.api.history;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HistoryApiProperties.class)
class HistoryApiConfiguration {
}
