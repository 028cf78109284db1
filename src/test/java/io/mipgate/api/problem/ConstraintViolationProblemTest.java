package io.mipgate.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Min;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * A constraint a validating proxy checks (a {@code @Validated} bean, not Spring MVC) is still the client's mistake:
 * 400 invalid-request naming the parameter, never the 500 the fuzz once found behind {@code limit=-1}.
 */
class ConstraintViolationProblemTest {

    static class Lister {
        public List<String> connections(@Min(1) int limit) {
            return List.of();
        }
    }

    @Test
    void aViolatedParameterIsA400NamingIt() throws Exception {
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        Method connections = Lister.class.getMethod("connections", int.class);
        var violations = validator.forExecutables().validateParameters(new Lister(), connections, new Object[] {-1});
        ConstraintViolationException failure = new ConstraintViolationException(violations);

        ResponseEntity<Object> answer = new ApiExceptionHandler().handleConstraintViolation(failure,
                new ServletWebRequest(new MockHttpServletRequest("GET", "/api/v1/modules/m/usage/connections")));

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        ProblemDetail problem = (ProblemDetail) answer.getBody();
        assertThat(problem.getType().toString()).endsWith("/invalid-request");
        @SuppressWarnings("unchecked")
        List<FieldProblem> errors = (List<FieldProblem>) problem.getProperties().get("errors");
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("limit");
            assertThat(error.rejected()).isEqualTo("-1");
        });
    }
}
