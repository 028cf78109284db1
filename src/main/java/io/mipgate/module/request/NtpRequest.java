package io.mipgate.module.request;

/**
 * A time query from the module. Every null is the module's default; a null server with other options set means the
 * default server ({@link ModuleCapabilities#defaultNtpServer()}).
 */
public record NtpRequest(String server, Integer port, Boolean sync, Integer timeoutSeconds) {

    public static NtpRequest defaults() {
        return new NtpRequest(null, null, null, null);
    }

    public boolean hasOptions() {
        return port != null || sync != null || timeoutSeconds != null;
    }
}
