package io.mipgate.api;

/** The versioned base of every API path. */
public final class ApiPaths {

    public static final String BASE = "/api/v1";
    public static final String MODULE = BASE + "/modules/{moduleId}";

    private ApiPaths() {
    }
}
