package io.mipgate.at.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * The comma-separated fields of a small {@code +XXX:} line, trimmed, quotes kept. Commas inside quotes
 * ({@code "19/02/21,07:29:20+32"}) and inside parentheses ({@code (0, 1)}) do not split.
 */
final class Fields {

    private Fields() {
    }

    static List<String> split(String body) {
        List<String> fields = new ArrayList<>(6);
        if (body.isBlank()) {
            return fields;
        }
        boolean quoted = false;
        int depth = 0;
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && depth > 0) {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                fields.add(body.substring(start, i).strip());
                start = i + 1;
            }
        }
        fields.add(body.substring(start).strip());
        return fields;
    }

    /** A test-command shape: a range list anywhere, or an empty first field followed by more. */
    static boolean looksLikeTest(List<String> fields) {
        for (String field : fields) {
            if (field.startsWith("(")) {
                return true;
            }
        }
        return fields.size() > 1 && fields.get(0).isEmpty();
    }

    static boolean isQuoted(String field) {
        return field.length() >= 2 && field.charAt(0) == '"' && field.charAt(field.length() - 1) == '"';
    }

    static String unquote(String field) {
        return isQuoted(field) ? field.substring(1, field.length() - 1) : field;
    }

    static List<String> unquoteAll(List<String> fields) {
        List<String> values = new ArrayList<>(fields.size());
        for (String field : fields) {
            values.add(unquote(field));
        }
        return values;
    }

    /** A non-negative decimal integer, or null for anything else (empty, quoted, signed, too long). */
    static Integer integer(String field) {
        if (field.isEmpty() || field.length() > 10) {
            return null;
        }
        long value = 0;
        for (int i = 0; i < field.length(); i++) {
            int digit = field.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return null;
            }
            value = value * 10 + digit;
        }
        return value > Integer.MAX_VALUE ? null : (int) value;
    }

    static Long longInteger(String field) {
        if (field.isEmpty() || field.length() > 18) {
            return null;
        }
        for (int i = 0; i < field.length(); i++) {
            if (field.charAt(i) < '0' || field.charAt(i) > '9') {
                return null;
            }
        }
        return Long.parseLong(field);
    }

    /** All fields as integers, or null if any is not one. */
    static int[] integers(List<String> fields, int from) {
        int[] values = new int[fields.size() - from];
        for (int i = from; i < fields.size(); i++) {
            Integer value = integer(fields.get(i));
            if (value == null) {
                return null;
            }
            values[i - from] = value;
        }
        return values;
    }
}
