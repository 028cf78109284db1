package io.mipgate.api.security;

import jakarta.servlet.DispatcherType;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * API keys ({@code X-API-Key}) and HTTP Basic from {@code mipgate.security}, roles per endpoint group, problem+json
 * for 401/403. In the {@code demo} profile a random ADMIN key is generated and printed once; outside it the gateway
 * refuses to start without configured credentials.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication(
        type = org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type.SERVLET)
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    static final String DEMO_PROFILE = "demo";

    @Bean
    Credentials apiCredentials(SecurityProperties properties, Environment environment, SlowHashBudget budget) {
        List<Credentials.Key> extra = new ArrayList<>();
        boolean demo = environment.acceptsProfiles(Profiles.of(DEMO_PROFILE));
        if (demo) {
            extra.add(demoKey(environment));
        }
        Credentials credentials = Credentials.from(properties, extra, budget);
        if (credentials.size() == 0 && properties.getUsers().isEmpty()) {
            throw new IllegalStateException("mipgate.security: no credentials configured. Set mipgate.security.api-keys"
                    + " (name, hash \"{sha256}<hex>\" or \"{bcrypt}...\", role) and/or mipgate.security.users, or run"
                    + " the embedded demo with the 'demo' profile. The API does not start unprotected.");
        }
        return credentials;
    }

    /** A fresh ADMIN key per start; only its hash is kept, the key itself is printed once. */
    private static Credentials.Key demoKey(Environment environment) {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String key = "mipdemo_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String port = environment.getProperty("server.port", "8080");
        log.warn("""

                ==== mipgate demo profile: generated ADMIN API key (printed once, not stored) ====
                  export MIPGATE_KEY={}
                  curl -H "X-API-Key: $MIPGATE_KEY" http://localhost:{}/api/v1/modules
                ==== configure mipgate.security.* and run without the demo profile in production ====""", key, port);
        return new Credentials.Key("demo", new SecretHash(SecretHash.Kind.SHA256, SecretHash.sha256Hex(key)), Role.ADMIN);
    }

    /** One budget of slow hash checks for every kind of credential (API keys behind a key-id, Basic, metrics). */
    @Bean
    SlowHashBudget apiSlowHashBudget() {
        return new SlowHashBudget();
    }

    /**
     * The only authentication provider, so that Spring Boot creates no default user and no second provider checks a
     * refused password again.
     */
    @Bean
    BasicUsers apiUsers(SecurityProperties properties, SlowHashBudget budget) {
        List<BasicUsers.User> users = new ArrayList<>();
        for (int i = 0; i < properties.getUsers().size(); i++) {
            SecurityProperties.User user = properties.getUsers().get(i);
            String where = "mipgate.security.users[" + i + "]";
            String hash = Objects.requireNonNullElse(user.getPasswordHash(), "");
            if (!hash.matches("\\{(bcrypt|argon2|argon2@SpringSecurity_v5_8|pbkdf2|pbkdf2@SpringSecurity_v5_8|scrypt|scrypt@SpringSecurity_v5_8)}.+")) {
                throw new IllegalStateException(where + ".password-hash must be a {bcrypt}, {argon2}, {pbkdf2} or {scrypt}"
                        + " hash (plain passwords are refused)");
            }
            if (user.getUsername() == null || user.getUsername().isBlank() || user.getRole() == null) {
                throw new IllegalStateException(where + ": username and role are required");
            }
            users.add(new BasicUsers.User(user.getUsername(), hash, user.getRole()));
        }
        return new BasicUsers(users, PasswordEncoderFactories.createDelegatingPasswordEncoder(), budget);
    }

    /** Spring Security's firewall answers a refused URL through this bean (picked up by WebSecurity). */
    @Bean
    RequestRejectedHandler apiRequestRejectedHandler() {
        return ProblemResponses.rejected();
    }

    @Bean
    static RoleHierarchy apiRoleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy(Role.HIERARCHY);
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, Credentials credentials, SecurityProperties properties,
                                    Environment environment, SlowHashBudget budget) throws Exception {
        boolean separateManagementPort = ManagementLoopbackDefault.separateManagementPort(environment);
        boolean docsPublic = properties.isDocsPublic();
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .httpBasic(basic -> basic.authenticationEntryPoint(ProblemResponses.unauthorized(budget)))
                .exceptionHandling(e -> e.authenticationEntryPoint(ProblemResponses.unauthorized(budget))
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .addFilterBefore(new ApiKeyAuthenticationFilter(credentials, budget), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> {
                    // async dispatches (SSE completion) and error dispatches belong to an already authorised request
                    auth.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                            .requestMatchers("/error").permitAll()
                            .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                            // the web console's page and script carry no data; it calls the API with a key
                            .requestMatchers(HttpMethod.GET, "/console", "/console/", "/console/**").permitAll();
                    if (separateManagementPort) {
                        auth.requestMatchers("/actuator/prometheus").permitAll();
                    } else if (credentials.hasMetricsToken()) {
                        auth.requestMatchers("/actuator/prometheus")
                                .hasAnyAuthority(ApiKeyAuthenticationFilter.METRICS_AUTHORITY, Role.ADMIN.authority());
                    }
                    if (docsPublic) {
                        auth.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                                .permitAll();
                    } else {
                        auth.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                                .hasRole(Role.VIEWER.name());
                    }
                    // ADMIN: configuration changes and raw AT
                    auth.requestMatchers(HttpMethod.PUT, "/api/v1/modules/*/config/**").hasRole(Role.ADMIN.name())
                            .requestMatchers(HttpMethod.POST, "/api/v1/modules/*/at").hasRole(Role.ADMIN.name())
                            // OPERATOR: reading received data consumes it
                            .requestMatchers(HttpMethod.GET, "/api/v1/modules/*/connections/*/data")
                            .hasRole(Role.OPERATOR.name())
                            // VIEWER: every other read
                            .requestMatchers(HttpMethod.GET, "/api/v1/**").hasRole(Role.VIEWER.name())
                            .requestMatchers(HttpMethod.HEAD, "/api/v1/**").hasRole(Role.VIEWER.name())
                            // OPERATOR: every other change
                            .requestMatchers("/api/v1/**").hasRole(Role.OPERATOR.name())
                            .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                            .anyRequest().authenticated();
                });
        return http.build();
    }
}
