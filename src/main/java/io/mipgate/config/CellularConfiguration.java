package io.mipgate.config;

import io.mipgate.module.CellularStatusPoller;
import io.mipgate.module.DeviceManager;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reads the modules' cellular status on the configured schedule. The poller starts with the context: modules that
 * are not UP yet are skipped, and each is read the moment it comes UP.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CellularProperties.class)
public class CellularConfiguration {

    @Bean(destroyMethod = "close")
    CellularStatusPoller cellularStatusPoller(DeviceManager devices, CellularProperties properties) {
        CellularStatusPoller poller = new CellularStatusPoller(devices, properties.getStatusInterval());
        poller.start();
        return poller;
    }
}
