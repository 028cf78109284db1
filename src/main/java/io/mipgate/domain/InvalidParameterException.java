package io.mipgate.domain;

/**
 * A command parameter that must not reach the serial line: out of range, not supported by the model, or a string
 * that could break out of its quotes. Thrown before a single byte is encoded.
 */
public class InvalidParameterException extends IllegalArgumentException {

    private final String parameter;
    private final String value;
    private final String allowed;
    private final String model;

    public InvalidParameterException(String parameter, Object value, String allowed, String model) {
        super(message(parameter, value, allowed, model));
        this.parameter = parameter;
        this.value = String.valueOf(value);
        this.allowed = allowed;
        this.model = model;
    }

    private static String message(String parameter, Object value, String allowed, String model) {
        String shown = value instanceof CharSequence text ? Printable.escape(text, 64) : String.valueOf(value);
        return "invalid " + parameter + " " + shown + ": allowed " + allowed + (model == null ? "" : " on " + model);
    }

    /** Name of the parameter as the reference spells it, e.g. {@code <remote_port>}. */
    public String parameter() {
        return parameter;
    }

    public String value() {
        return value;
    }

    public String allowed() {
        return allowed;
    }

    /** The model the check was made against, or null when the rule holds for every model. */
    public String model() {
        return model;
    }
}
