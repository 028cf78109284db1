package io.mipgate.module;

import io.mipgate.at.decode.Urc;
import io.mipgate.domain.ModuleErrorCode;
import io.mipgate.module.event.ModuleEvent.PingEcho;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The module-wide results that arrive as URCs after the command's OK (DNS, ping, NTP): at most one of each kind runs
 * at a time, as on the module. Registered by the client before the command is written, completed by the URC router,
 * failed by their deadline or a link loss. Every method runs under the module lock. Per-connection results (open,
 * close, send reports, CONNECT) belong to the {@link ConnectionTable}.
 */
final class AsyncResults {

    private final String moduleId;
    private CompletableFuture<List<String>> dns;
    /** The name the pending lookup asked for: the legacy failure {@code +MDNSGIP: 1,<err>} does not repeat it. */
    private String dnsDomain;
    private PendingPing ping;
    private CompletableFuture<NtpOutcome> ntp;

    AsyncResults(String moduleId) {
        this.moduleId = moduleId;
    }

    /** An AT+MPING run collecting its echo lines. */
    private static final class PendingPing {
        final int expectedEchoes;
        final List<PingEcho> echoes = new ArrayList<>();
        final CompletableFuture<PingOutcome> result = new CompletableFuture<>();

        PendingPing(int expectedEchoes) {
            this.expectedEchoes = expectedEchoes;
        }
    }

    // ---- registered by the client ----

    CompletableFuture<List<String>> expectDns(String domain) {
        if (dns != null) {
            throw busy("AT+MDNSGIP", ModuleErrorCode.DNS_BUSY);
        }
        dnsDomain = domain;
        dns = new CompletableFuture<>();
        return dns;
    }

    void forgetDns() {
        dns = null;
    }

    CompletableFuture<PingOutcome> expectPing(int expectedEchoes) {
        if (ping != null) {
            throw busy("AT+MPING", ModuleErrorCode.PING_BUSY);
        }
        ping = new PendingPing(expectedEchoes);
        return ping.result;
    }

    void forgetPing() {
        ping = null;
    }

    CompletableFuture<NtpOutcome> expectNtp() {
        if (ntp != null) {
            throw new ModuleException.StateConflict(moduleId, "an AT+MNTP request is already running on " + moduleId);
        }
        ntp = new CompletableFuture<>();
        return ntp;
    }

    void forgetNtp() {
        ntp = null;
    }

    private ModuleException busy(String command, ModuleErrorCode code) {
        return new ModuleException.ModuleRefused(moduleId, command, code.code(), code.name(), null);
    }

    // ---- completed by the URC router ----

    /**
     * The URC carries only the domain on failure (AT-REFERENCE §2.10): no address is an error, not an empty list.
     * Returns the domain the result is for: the legacy failure names none, so the pending lookup's.
     */
    String dnsResult(Urc.DnsResult result) {
        String domain = result.domain().isEmpty() && dnsDomain != null ? dnsDomain : result.domain();
        if (dns == null) {
            return domain;
        }
        if (result.failed()) {
            dns.completeExceptionally(new ModuleException.LookupFailed(moduleId, domain));
        } else {
            dns.complete(result.addresses());
        }
        dns = null;
        return domain;
    }

    void pingReply(Urc.PingReply reply) {
        if (ping == null) {
            return;
        }
        ping.echoes.add(new PingEcho(reply.result(), reply.ip(), reply.size(), reply.rttMs(), reply.ttl()));
        boolean aborted = reply.result() != 0 && reply.result() != 4;
        if (aborted || ping.expectedEchoes == 1 && ping.echoes.size() == 1) {
            ping.result.complete(new PingOutcome(ping.echoes, null, null, null, null, null));
            ping = null;
        }
    }

    void pingStatistics(Urc.PingStatistics stats) {
        if (ping != null) {
            ping.result.complete(new PingOutcome(ping.echoes, stats.sent(), stats.lost(), stats.rttMin(),
                    stats.rttMax(), stats.rttAvg()));
            ping = null;
        }
    }

    void ntpResult(Urc.NtpResult result) {
        if (ntp != null) {
            ntp.complete(new NtpOutcome(result.result(), result.time()));
            ntp = null;
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
