package io.mipgate.module.request;

/**
 * TCP keep-alive of one connection, as set or as read back. Timings left null are the module's own; a later timing
 * may only be given after the earlier ones.
 */
public record KeepAlive(int connectId, boolean enabled, Integer idleSeconds, Integer intervalSeconds, Integer count) {
}
