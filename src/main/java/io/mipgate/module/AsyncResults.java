package io.mipgate.module;

import io.mipgate.module.event.ModuleEvent.PingEcho;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/**
 * Results that arrive as URCs after the command's OK, each completed by the URC router and failed by its deadline
 * or by a link loss. Guarded by the module lock.
 */
final class AsyncResults {

    /** +MIPOPEN result per connect_id: 0 connected, otherwise the failure code. */
    final Map<Integer, CompletableFuture<Integer>> opens = new HashMap<>();
    /** +MIPCLOSE per connect_id, with the optional ret_code. */
    final Map<Integer, CompletableFuture<OptionalInt>> closes = new HashMap<>();
    /** +MIPSEND accepted length per connect_id, which may come before or after the OK (FIELD-NOTES §7.1). */
    final Map<Integer, CompletableFuture<Integer>> sends = new HashMap<>();
    /** The connect_id waiting for CONNECT (transparent open or AT+MIPMODE=<id>,1). */
    Integer connectFor;
    CompletableFuture<Void> connect;
    CompletableFuture<List<String>> dns;
    PendingPing ping;
    CompletableFuture<NtpOutcome> ntp;

    /** An AT+MPING run collecting its echo lines. */
    static final class PendingPing {
        final int expectedEchoes;
        final List<PingEcho> echoes = new ArrayList<>();
        final CompletableFuture<PingOutcome> result = new CompletableFuture<>();

        PendingPing(int expectedEchoes) {
            this.expectedEchoes = expectedEchoes;
        }
    }

    void failAll(RuntimeException cause) {
        opens.values().forEach(f -> f.completeExceptionally(cause));
        closes.values().forEach(f -> f.completeExceptionally(cause));
        sends.values().forEach(f -> f.completeExceptionally(cause));
        opens.clear();
        sends.clear();
        closes.clear();
        if (connect != null) {
            connect.completeExceptionally(cause);
        }
        connect = null;
        connectFor = null;
        if (dns != null) {
            dns.completeExceptionally(cause);
        }
        dns = null;
        if (ping != null) {
            ping.result.completeExceptionally(cause);
        }
        ping = null;
        if (ntp != null) {
            ntp.completeExceptionally(cause);
        }
        ntp = null;
    }
}
