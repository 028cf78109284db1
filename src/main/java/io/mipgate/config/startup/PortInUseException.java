package io.mipgate.config.startup;

import java.io.IOException;

/** A loopback service of the gateway could not bind its configured port. */
public final class PortInUseException extends IOException {

    private final String service;
    private final int port;
    private final String property;

    public PortInUseException(String service, int port, String property, IOException cause) {
        super(service + " could not bind port " + port + " (" + property + "): " + cause.getMessage(), cause);
        this.service = service;
        this.port = port;
        this.property = property;
    }

    public String service() {
        return service;
    }

    public int port() {
        return port;
    }

    public String property() {
        return property;
    }
}
