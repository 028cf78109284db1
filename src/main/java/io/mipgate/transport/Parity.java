package io.mipgate.transport;

/** Serial parity, spelled in link strings as {@code none}, {@code even}, {@code odd}, {@code mark} or {@code space}. */
public enum Parity {
    NONE, EVEN, ODD, MARK, SPACE;

    public String option() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
