package io.mipgate.transport;

/** Serial stop bits, spelled in link strings as {@code 1}, {@code 1.5} or {@code 2}. */
public enum StopBits {
    ONE("1"), ONE_POINT_FIVE("1.5"), TWO("2");

    private final String option;

    StopBits(String option) {
        this.option = option;
    }

    public String option() {
        return option;
    }
}
