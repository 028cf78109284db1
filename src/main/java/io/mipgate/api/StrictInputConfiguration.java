package io.mipgate.api;

import java.beans.PropertyEditorSupport;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.MapperFeature;

/**
 * Input is taken as written or refused: no scalar coercion in JSON ({@code 1} is not a boolean, {@code "8"} not a
 * port), decimal integers only in paths and query parameters (Spring would read {@code 0x1} as hex and trim
 * {@code " 1"}), and {@code true}/{@code false} only for booleans. Each refusal is a 400 naming the field.
 */
@Configuration(proxyBeanMethods = false)
class StrictInputConfiguration implements WebMvcConfigurer {

    @Bean
    JsonMapperBuilderCustomizer noScalarCoercion() {
        return builder -> builder.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AcceptableResponseInterceptor()).addPathPatterns(ApiPaths.BASE + "/**");
    }

    /** Editors that {@link StrictBinding} registers for every API request parameter and path variable. */
    static final class DecimalEditor extends PropertyEditorSupport {
        private final boolean wide;
        private final boolean nullable;

        DecimalEditor(boolean wide, boolean nullable) {
            this.wide = wide;
            this.nullable = nullable;
        }

        @Override
        public void setAsText(String text) {
            if (text == null || text.isEmpty()) {
                if (!nullable) {
                    throw new IllegalArgumentException("a decimal integer is required");
                }
                setValue(null);
                return;
            }
            if (!text.matches("-?[0-9]{1,19}")) {
                throw new IllegalArgumentException("'" + text + "' is not a decimal integer");
            }
            try {
                setValue(wide ? Long.parseLong(text) : Integer.parseInt(text));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is out of range");
            }
        }
    }

    static final class BooleanEditor extends PropertyEditorSupport {
        private final boolean nullable;

        BooleanEditor(boolean nullable) {
            this.nullable = nullable;
        }

        @Override
        public void setAsText(String text) {
            if ((text == null || text.isEmpty()) && nullable) {
                setValue(null);
            } else if ("true".equals(text) || "false".equals(text)) {
                setValue(Boolean.parseBoolean(text));
            } else {
                throw new IllegalArgumentException("'" + text + "' is not true or false");
            }
        }
    }
}
