package io.mipgate.api.problem;

import io.mipgate.domain.Printable;

/**
 * One invalid input field of a 400 problem.
 *
 * @param field    the request field, query parameter or AT parameter name
 * @param rejected the rejected value with control characters escaped and long values shortened, or null
 * @param message  what is allowed
 */
public record FieldProblem(String field, String rejected, String message) {

    private static final int SHOWN_CHARS = 64;

    public static String shown(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof CharSequence text ? Printable.escape(text, SHOWN_CHARS)
                : Printable.escape(String.valueOf(value), SHOWN_CHARS);
    }
}
