package io.mipgate.emulator.model;

/**
 * An inclusive range of an integer AT parameter. {@link #toString()} renders it the way the module lists it in a test
 * command answer, e.g. {@code (0-5)}.
 */
public record ParamRange(int min, int max) {

    public ParamRange {
        if (min > max) {
            throw new IllegalArgumentException("empty range " + min + ".." + max);
        }
    }

    public static ParamRange of(int min, int max) {
        return new ParamRange(min, max);
    }

    public boolean contains(long value) {
        return value >= min && value <= max;
    }

    @Override
    public String toString() {
        return "(" + min + "-" + max + ")";
    }
}
