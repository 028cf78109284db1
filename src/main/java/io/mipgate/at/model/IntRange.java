package io.mipgate.at.model;

/** An inclusive integer range, rendered the way test commands list it: {@code (0-5)}. */
public record IntRange(int min, int max) {

    public IntRange {
        if (min > max) {
            throw new IllegalArgumentException("empty range " + min + ".." + max);
        }
    }

    public static IntRange of(int min, int max) {
        return new IntRange(min, max);
    }

    public boolean contains(long value) {
        return value >= min && value <= max;
    }

    public int size() {
        return max - min + 1;
    }

    /** Test-command rendering, e.g. {@code (0-5)}. */
    @Override
    public String toString() {
        return "(" + min + "-" + max + ")";
    }
}
