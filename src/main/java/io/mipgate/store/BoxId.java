package io.mipgate.store;

import java.net.InetAddress;
import java.util.Objects;

/** This gateway's name in a fleet sharing one database ({@code mipgate.box-id}, default the host name). */
public record BoxId(String value) {

    static final int MAX_LENGTH = 64;

    public BoxId {
        Objects.requireNonNull(value, "box id");
        if (value.isBlank() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("mipgate.box-id must be 1.." + MAX_LENGTH + " characters: '" + value + "'");
        }
    }

    /** The configured id, else the host name, else {@code $HOSTNAME}, else {@code local}. */
    public static BoxId resolve(String configured) {
        if (configured != null && !configured.isBlank()) {
            return new BoxId(configured.trim());
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = System.getenv("HOSTNAME");
        }
        if (host == null || host.isBlank()) {
            host = "local";
        }
        return new BoxId(host.length() > MAX_LENGTH ? host.substring(0, MAX_LENGTH) : host);
    }

    @Override
    public String toString() {
        return value;
    }
}
