package io.mipgate.api.security;

import io.mipgate.api.problem.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code X-API-Key}, and the {@code Authorization: Bearer} metrics token on the Prometheus endpoint.
 * A key that is present but wrong is answered 401 at once rather than falling through to anonymous access.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";
    static final String METRICS_AUTHORITY = "METRICS";
    private static final String PROMETHEUS = "/actuator/prometheus";

    private final Credentials credentials;
    private final SlowHashBudget budget;

    ApiKeyAuthenticationFilter(Credentials credentials, SlowHashBudget budget) {
        this.credentials = credentials;
        this.budget = budget;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admitted;
        try {
            admitted = admit(request, response, credentials);
        } catch (CredentialCheckDeferred e) {
            ProblemResponses.deferred(request, response, budget);
            return;
        }
        if (admitted) {
            chain.doFilter(request, response);
        }
    }

    /** Authenticates a key or metrics token if one is presented; false when the request was answered (refused). */
    private static boolean admit(HttpServletRequest request, HttpServletResponse response, Credentials credentials)
            throws IOException {
        String key = request.getHeader(HEADER);
        if (key != null) {
            Optional<Credentials.Key> match = key.isBlank() ? Optional.empty() : credentials.apiKey(key);
            if (match.isEmpty()) {
                ProblemResponses.write(request, response, ProblemType.UNAUTHORIZED, "unknown API key");
                return false;
            }
            Credentials.Key found = match.get();
            authenticate("key:" + found.name(), found.role().authority());
        } else if (credentials.hasMetricsToken() && request.getRequestURI().equals(PROMETHEUS)) {
            String authorization = request.getHeader("Authorization");
            if (authorization != null && authorization.startsWith("Bearer ")) {
                if (!credentials.metricsToken(authorization.substring(7).trim())) {
                    ProblemResponses.write(request, response, ProblemType.UNAUTHORIZED, "wrong metrics token");
                    return false;
                }
                authenticate("metrics", METRICS_AUTHORITY);
            }
        }
        return true;
    }

    private static void authenticate(String principal, String authority) {
        var authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null,
                List.of(new SimpleGrantedAuthority(authority)));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
    }
}
