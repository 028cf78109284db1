package io.mipgate.api.security;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * A separate management port listens on loopback unless {@code management.server.address} says otherwise: its
 * {@code /actuator/prometheus} needs no token. Spring Boot refuses that address when the actuator shares the API
 * port, so the default is set here, and only for a separate port (the container image sets
 * {@code MANAGEMENT_SERVER_ADDRESS=0.0.0.0} for the scraper and the probes that come from outside it).
 */
public class ManagementLoopbackDefault implements EnvironmentPostProcessor, Ordered {

    static final String ADDRESS = "management.server.address";
    static final String LOOPBACK = "127.0.0.1";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (separateManagementPort(environment) && !environment.containsProperty(ADDRESS)) {
            environment.getPropertySources().addLast(new MapPropertySource("mipgate-management-loopback",
                    Map.of(ADDRESS, LOOPBACK)));
        }
    }

    static boolean separateManagementPort(Environment environment) {
        String management = environment.getProperty("management.server.port");
        if (management == null || management.isBlank() || management.equals("-1")) {
            return false;
        }
        // 0 is a random port of its own: a separate listener even when server.port is random (0) as well
        return management.equals("0") || !management.equals(environment.getProperty("server.port", "8080"));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
