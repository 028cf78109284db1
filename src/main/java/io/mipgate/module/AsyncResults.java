package io.mipgate.module;

import io.mipgate.module.event.ModuleEvent.PingEcho;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The module-wide results that arrive as URCs after the command's OK (DNS, ping, NTP), each completed by the URC
 * router and failed by its deadline or by a link loss. Guarded by the module lock. Per-connection results (open,
 * close, send reports, CONNECT) belong to the {@link ConnectionTable}.
 */
final class AsyncResults {

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
