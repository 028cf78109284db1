package io.mipgate.emulator;

import io.mipgate.emulator.model.ParamRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One command line as the module reads it: name (upper case, e.g. {@code +MIPOPEN}, {@code E}, {@code I}, empty for
 * a bare {@code AT}), form, and the raw argument text. Parameters are split on demand because AT+MIPSEND data in
 * escaped format needs backslash-aware quoting.
 */
record AtCommand(String name, Form form, String args) {

    enum Form { TEST, READ, SET, EXEC }

    /** A parameter: its text without quotes; absent when the field was left empty. */
    record Param(String text, boolean quoted) {
        boolean present() {
            return quoted || !text.isEmpty();
        }
    }

    /** Parses a line without its terminator; null if it is not an AT command. */
    static AtCommand parse(String line) {
        String trimmed = line.strip();
        if (trimmed.length() < 2 || !trimmed.substring(0, 2).equalsIgnoreCase("AT")) {
            return null;
        }
        String rest = trimmed.substring(2);
        if (rest.isEmpty()) {
            return new AtCommand("", Form.EXEC, "");
        }
        char first = rest.charAt(0);
        if (first == '+' || first == '&' || first == '^' || first == '$') {
            int end = 1;
            while (end < rest.length() && rest.charAt(end) != '=' && rest.charAt(end) != '?') {
                end++;
            }
            String name = rest.substring(0, end).toUpperCase(Locale.ROOT);
            String tail = rest.substring(end);
            if (tail.isEmpty()) {
                return new AtCommand(name, Form.EXEC, "");
            }
            if (tail.equals("=?")) {
                return new AtCommand(name, Form.TEST, "");
            }
            if (tail.equals("?")) {
                return new AtCommand(name, Form.READ, "");
            }
            if (tail.charAt(0) == '=') {
                return new AtCommand(name, Form.SET, tail.substring(1));
            }
            return new AtCommand(name, Form.SET, "\u0000invalid");
        }
        // basic syntax: ATE0, ATI, ATE
        String name = String.valueOf(Character.toUpperCase(first));
        return new AtCommand(name, Form.EXEC, rest.substring(1));
    }

    List<Param> params() {
        return split(args, false);
    }

    /** Splits arguments on commas outside quotes; with backslashEscapes a backslash protects the next character. */
    static List<Param> split(String text, boolean backslashEscapes) {
        List<Param> out = new ArrayList<>();
        if (text.isEmpty()) {
            return out;
        }
        int i = 0;
        int n = text.length();
        while (true) {
            while (i < n && text.charAt(i) == ' ') {
                i++;
            }
            if (i < n && text.charAt(i) == '"') {
                StringBuilder value = new StringBuilder();
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = text.charAt(i);
                    if (backslashEscapes && c == '\\' && i + 1 < n) {
                        value.append(c).append(text.charAt(i + 1));
                        i += 2;
                        continue;
                    }
                    if (c == '"') {
                        closed = true;
                        i++;
                        break;
                    }
                    value.append(c);
                    i++;
                }
                if (!closed) {
                    throw AtError.badParameters();
                }
                while (i < n && text.charAt(i) == ' ') {
                    i++;
                }
                out.add(new Param(value.toString(), true));
                if (i >= n) {
                    return out;
                }
                if (text.charAt(i) != ',') {
                    throw AtError.badParameters();
                }
                i++;
            } else {
                int comma = text.indexOf(',', i);
                int end = comma < 0 ? n : comma;
                out.add(new Param(text.substring(i, end).strip(), false));
                if (comma < 0) {
                    return out;
                }
                i = comma + 1;
            }
            if (i == n) {
                out.add(new Param("", false));
                return out;
            }
        }
    }

    // --- typed access, every failure is CME 50 ---

    static boolean present(List<Param> params, int index) {
        return index < params.size() && params.get(index).present();
    }

    static int integer(List<Param> params, int index, ParamRange range) {
        if (!present(params, index)) {
            throw AtError.badParameters();
        }
        return parseInt(params.get(index), range);
    }

    static int integer(List<Param> params, int index, ParamRange range, int defaultValue) {
        return present(params, index) ? parseInt(params.get(index), range) : defaultValue;
    }

    private static int parseInt(Param param, ParamRange range) {
        if (param.quoted() || !param.text().matches("\\d{1,9}")) {
            throw AtError.badParameters();
        }
        int value = Integer.parseInt(param.text());
        if (range != null && !range.contains(value)) {
            throw AtError.badParameters();
        }
        return value;
    }

    /** A string parameter; unquoted text is tolerated (FIELD §6). */
    static String string(List<Param> params, int index) {
        if (index >= params.size() || (!params.get(index).quoted() && params.get(index).text().isEmpty())) {
            throw AtError.badParameters();
        }
        return params.get(index).text();
    }

    /** A quoted selector such as {@code "encoding"}. */
    static String selector(List<Param> params, int index) {
        if (index >= params.size() || !params.get(index).quoted()) {
            throw AtError.badParameters();
        }
        return params.get(index).text();
    }

    static void maxParams(List<Param> params, int max) {
        if (params.size() > max) {
            throw AtError.badParameters();
        }
    }
}
