package io.mipgate.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.mipgate.domain.ModuleErrorCode;
import io.mipgate.domain.Protocol;
import io.mipgate.module.ConnectionState;
import io.mipgate.module.ModuleDirectory;
import io.mipgate.module.ModuleStatus;
import io.mipgate.module.event.ModuleEvent;
import io.mipgate.module.event.ModuleEvent.Acked;
import io.mipgate.module.event.ModuleEvent.ConnectionChanged;
import io.mipgate.module.event.ModuleEvent.DataDropped;
import io.mipgate.module.event.ModuleEvent.DataReceived;
import io.mipgate.module.event.ModuleEvent.DataSent;
import io.mipgate.module.event.ModuleEvent.DnsResolved;
import io.mipgate.module.event.ModuleEvent.DropSource;
import io.mipgate.module.event.ModuleEvent.GarbageDiscarded;
import io.mipgate.module.event.ModuleEvent.JobFinished;
import io.mipgate.module.event.ModuleEvent.JobRejected;
import io.mipgate.module.event.ModuleEvent.LinkReconnected;
import io.mipgate.module.event.ModuleEvent.ModuleReset;
import io.mipgate.module.event.ModuleEvent.NtpCompleted;
import io.mipgate.module.event.ModuleEvent.PingCompleted;
import io.mipgate.module.event.ModuleEvent.PingEcho;
import io.mipgate.module.event.ModuleEvent.RestartLoss;
import io.mipgate.module.event.ModuleEvent.StatusChanged;
import io.mipgate.module.event.ModuleEvent.UrcSeen;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Counters and histograms fed by module events. Tags are bounded: module id, connect_id (0–5), protocol, enums,
 * CME codes from the catalogue, and command names / URC types capped by {@link BoundedTagValues}. Hosts, addresses
 * and payloads never become tags. Runs on worker threads: only in-memory increments, never throws.
 */
@Component
public class ModuleEventMetrics {

    private static final Logger log = LoggerFactory.getLogger(ModuleEventMetrics.class);

    /** AT latency buckets: from a quick {@code AT} to a MIPOPEN/ping that waits on the network. */
    private static final Duration[] AT_BUCKETS = {
            Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60),
            Duration.ofSeconds(150)};
    private static final double[] RTT_BUCKETS = {0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private static final List<String> REJECTION_REASONS = List.of("queue_full", "module_unavailable");
    /** The URC types the worker reports (module.UrcRouter#urcType), registered ahead of their first arrival. */
    private static final List<String> URC_TYPES = List.of("mipopen", "mipclose", "disconn", "rtcp", "rudp",
            "rtcp-buffered", "rudp-buffered", "seq", "ack", "drop", "mping", "mping-statistics", "mdnsgip", "mntp",
            "matready", "rebooting", "other");

    private final BoundedTagValues commands;
    private final BoundedTagValues urcTypes;

    private final MeterProvider<Counter> sentBytes;
    private final MeterProvider<Counter> receivedBytes;
    private final MeterProvider<Counter> ackedBytes;
    private final MeterProvider<Counter> droppedBytes;
    private final MeterProvider<Timer> atDuration;
    private final MeterProvider<Counter> cmeErrors;
    private final MeterProvider<Counter> rejectedJobs;
    private final MeterProvider<Counter> urcs;
    private final MeterProvider<Counter> reconnects;
    private final MeterProvider<Counter> resets;
    private final MeterProvider<Counter> statusChanges;
    private final MeterProvider<Counter> connectionChanges;
    private final MeterProvider<Counter> garbageBytes;
    private final MeterProvider<DistributionSummary> pingRtt;
    private final MeterProvider<Counter> pingEchoes;
    private final MeterProvider<Counter> dnsLookups;
    private final MeterProvider<Counter> ntpSyncs;
    private final MeterProvider<Counter> restartLostBytes;
    private final MeterProvider<Counter> restartUnaccountable;
    private final PingLoss pingLoss;

    public ModuleEventMetrics(MeterRegistry registry, MetricsProperties properties,
                              ObjectProvider<ModuleDirectory> directory) {
        this.commands = new BoundedTagValues(properties.maxTagValues());
        this.urcTypes = new BoundedTagValues(properties.maxTagValues());
        this.pingLoss = new PingLoss(registry);
        sentBytes = Counter.builder("mipgate.link.sent").baseUnit("bytes")
                .description("Payload bytes the gateway handed to the module for sending").withRegistry(registry);
        receivedBytes = Counter.builder("mipgate.link.received").baseUnit("bytes")
                .description("Payload bytes the gateway received from the module").withRegistry(registry);
        ackedBytes = Counter.builder("mipgate.link.acked").baseUnit("bytes")
                .description("Bytes the peer acknowledged, as reported by the module").withRegistry(registry);
        droppedBytes = Counter.builder("mipgate.link.dropped").baseUnit("bytes")
                .description("Received bytes lost: module \"drop\" URCs (source=module) or a full gateway buffer"
                        + " (source=gateway)").withRegistry(registry);
        atDuration = Timer.builder("mipgate.at.command.duration")
                .description("AT job execution time, from write to final result")
                .serviceLevelObjectives(AT_BUCKETS).withRegistry(registry);
        cmeErrors = Counter.builder("mipgate.at.cme.errors")
                .description("+CME ERROR answers by code").withRegistry(registry);
        rejectedJobs = Counter.builder("mipgate.at.jobs.rejected")
                .description("AT jobs refused before execution: reason queue_full or module_unavailable")
                .withRegistry(registry);
        urcs = Counter.builder("mipgate.urcs").description("Unsolicited result codes by type").withRegistry(registry);
        reconnects = Counter.builder("mipgate.link.reconnects")
                .description("Serial link reopened after a loss").withRegistry(registry);
        resets = Counter.builder("mipgate.module.resets")
                .description("Module reboots detected").withRegistry(registry);
        statusChanges = Counter.builder("mipgate.module.status.changes")
                .description("Module status transitions by target status").withRegistry(registry);
        connectionChanges = Counter.builder("mipgate.connection.transitions")
                .description("Connection state transitions by target state").withRegistry(registry);
        garbageBytes = Counter.builder("mipgate.at.discarded").baseUnit("bytes")
                .description("Bytes on the serial line that decoded to nothing").withRegistry(registry);
        pingRtt = DistributionSummary.builder("mipgate.ping.rtt").baseUnit("seconds")
                .description("Round-trip time of module ping replies")
                .serviceLevelObjectives(RTT_BUCKETS).withRegistry(registry);
        pingEchoes = Counter.builder("mipgate.ping.echoes")
                .description("Ping echoes by result (reply or lost)").withRegistry(registry);
        dnsLookups = Counter.builder("mipgate.dns.lookups")
                .description("Module DNS resolutions by result").withRegistry(registry);
        ntpSyncs = Counter.builder("mipgate.ntp.syncs")
                .description("Module NTP synchronisations by result").withRegistry(registry);
        restartLostBytes = Counter.builder("mipgate.connection.restart.lost").baseUnit("bytes")
                .description("Bytes a previous gateway run lost on connections it never saw close, by kind: unread"
                        + " (buffered for no client) or unaccounted (handed over by the module, never recorded)")
                .withRegistry(registry);
        restartUnaccountable = Counter.builder("mipgate.connection.restart.unaccountable")
                .description("Connections left open by a previous run whose handed-over bytes the module could not"
                        + " report (no AT+MIPSACK, UDP, transparent mode, or the connection was gone)")
                .withRegistry(registry);
        directory.ifAvailable(d -> d.subscribe(this::onEvent));
    }

    /**
     * Registers every counter of a module at zero over its fixed tag domain (connect_id 0–5, protocols, states,
     * catalogue CME codes, results), so that a scrape of an idle gateway already holds each series and a rule built
     * on {@code increase()} sees the first event as an increase from 0 rather than a new series starting at 1.
     * AT latency is the exception: its command tag is open-ended, and the start-up probe of a module fills it.
     */
    void registerAtZero(String module) {
        for (int connectId = 0; connectId < ModuleStateGauges.CONNECT_IDS; connectId++) {
            String cid = Integer.toString(connectId);
            for (Protocol protocol : Protocol.values()) {
                sentBytes.withTags("module", module, "connect_id", cid, "protocol", protocol.name());
                receivedBytes.withTags("module", module, "connect_id", cid, "protocol", protocol.name());
            }
            ackedBytes.withTags("module", module, "connect_id", cid);
            for (DropSource source : DropSource.values()) {
                droppedBytes.withTags("module", module, "connect_id", cid, "source",
                        source.name().toLowerCase(Locale.ROOT));
            }
            for (ConnectionState state : ConnectionState.values()) {
                connectionChanges.withTags("module", module, "connect_id", cid, "state", state.name());
            }
        }
        for (ModuleErrorCode error : ModuleErrorCode.values()) {
            cmeErrors.withTags("module", module, "code", Integer.toString(error.code()), "name", error.name());
        }
        for (String reason : REJECTION_REASONS) {
            rejectedJobs.withTags("module", module, "reason", reason);
        }
        for (String type : URC_TYPES) {
            urcs.withTags("module", module, "type", urcTypes.of(type));
        }
        for (ModuleStatus status : ModuleStatus.values()) {
            statusChanges.withTags("module", module, "status", status.name());
        }
        for (String result : List.of("ok", "failed")) {
            dnsLookups.withTags("module", module, "result", result);
            ntpSyncs.withTags("module", module, "result", result);
        }
        pingEchoes.withTags("module", module, "result", "reply");
        pingEchoes.withTags("module", module, "result", "lost");
        pingRtt.withTags("module", module);
        pingLoss.register(module);
        reconnects.withTags("module", module);
        resets.withTags("module", module);
        garbageBytes.withTags("module", module);
    }

    public void onEvent(ModuleEvent event) {
        try {
            record(event);
        } catch (RuntimeException e) {
            log.debug("metrics: event {} of module {} not counted", event.type(), event.moduleId(), e);
        }
    }

    private void record(ModuleEvent event) {
        String module = event.moduleId();
        switch (event) {
            case DataSent e -> sentBytes.withTags("module", module, "connect_id", id(e.connectId()),
                    "protocol", name(e.protocol())).increment(e.bytes());
            case DataReceived e -> receivedBytes.withTags("module", module, "connect_id", id(e.connectId()),
                    "protocol", name(e.protocol())).increment(e.bytes());
            case Acked e -> ackedBytes.withTags("module", module, "connect_id", id(e.connectId())).increment(e.bytes());
            case DataDropped e -> droppedBytes.withTags("module", module, "connect_id", id(e.connectId()),
                    "source", e.source().name().toLowerCase(Locale.ROOT)).increment(e.bytes());
            case JobFinished e -> {
                if (e.startedAt() != null && e.finishedAt() != null) {
                    atDuration.withTags("module", module, "command", commands.of(e.command()),
                            "outcome", e.outcome().name()).record(Duration.between(e.startedAt(), e.finishedAt()));
                }
                if (e.cmeCode() != null) {
                    cmeErrors.withTags("module", module, "code", Integer.toString(e.cmeCode()),
                            "name", ModuleErrorCode.nameOf(e.cmeCode())).increment();
                }
            }
            case JobRejected e -> rejectedJobs.withTags("module", module, "reason", rejection(e.reason())).increment();
            case UrcSeen e -> urcs.withTags("module", module, "type", urcTypes.of(e.urcType())).increment();
            case LinkReconnected e -> reconnects.withTags("module", module).increment();
            case ModuleReset e -> resets.withTags("module", module).increment();
            case StatusChanged e -> statusChanges.withTags("module", module, "status", e.to().name()).increment();
            case ConnectionChanged e -> connectionChanges.withTags("module", module, "connect_id", id(e.connectId()),
                    "state", e.to().name()).increment();
            case GarbageDiscarded e -> garbageBytes.withTags("module", module).increment(e.bytes());
            case PingCompleted e -> recordPing(module, e);
            case DnsResolved e -> dnsLookups.withTags("module", module, "result", e.succeeded() ? "ok" : "failed")
                    .increment();
            case NtpCompleted e -> ntpSyncs.withTags("module", module, "result", e.result() == 0 ? "ok" : "failed")
                    .increment();
            case RestartLoss e -> recordRestartLoss(module, e);
            default -> { }
        }
    }

    private void recordRestartLoss(String module, RestartLoss e) {
        String connectId = id(e.connectId());
        restartLostBytes.withTags("module", module, "connect_id", connectId, "kind", "unread").increment(e.unreadBytes());
        if (e.unaccountedBytes() == null) {
            restartUnaccountable.withTags("module", module, "connect_id", connectId).increment();
        } else {
            restartLostBytes.withTags("module", module, "connect_id", connectId, "kind", "unaccounted")
                    .increment(e.unaccountedBytes());
        }
    }

    private void recordPing(String module, PingCompleted e) {
        int replies = 0;
        if (e.echoes() != null) {
            for (PingEcho echo : e.echoes()) {
                if (echo.result() == 0) {
                    replies++;
                    if (echo.rttMs() != null) {
                        pingRtt.withTags("module", module).record(echo.rttMs() / 1000.0);
                    }
                }
            }
        }
        int sent = e.sent() != null ? e.sent() : (e.echoes() == null ? 0 : e.echoes().size());
        int lost = e.lost() != null ? e.lost() : Math.max(0, sent - replies);
        if (replies == 0 && e.rttAvgMs() != null && sent > lost) {
            pingRtt.withTags("module", module).record(e.rttAvgMs() / 1000.0);
        }
        pingEchoes.withTags("module", module, "result", "reply").increment(Math.max(0, sent - lost));
        pingEchoes.withTags("module", module, "result", "lost").increment(lost);
        pingLoss.update(module, sent == 0 ? Double.NaN : (double) lost / sent);
    }

    /** A rejection's reason as a tag: the worker refuses a job because its queue is full or the module is not UP. */
    private static String rejection(String reason) {
        return reason != null && reason.startsWith("queue full") ? "queue_full" : "module_unavailable";
    }

    private static String id(int connectId) {
        return connectId >= 0 && connectId <= 5 ? Integer.toString(connectId) : "other";
    }

    private static String name(Enum<?> value) {
        return value == null ? "none" : value.name();
    }
}
