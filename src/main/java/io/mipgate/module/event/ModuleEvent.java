package io.mipgate.module.event;

import io.mipgate.domain.AccessMode;
import io.mipgate.domain.Protocol;
import io.mipgate.module.ConnectionState;
import io.mipgate.module.JobOutcome;
import io.mipgate.module.ModuleStatus;
import java.time.Instant;
import java.util.List;

/**
 * What a worker tells its subscribers (API event stream, metrics, store). Events carry counts and identities, never
 * payload bytes. Listeners run on the worker's threads and must not block: the store queues, metrics count.
 */
public sealed interface ModuleEvent {

    String moduleId();

    Instant at();

    /** A short stable type name for event streams and metrics, e.g. {@code connection-state}. */
    String type();

    record StatusChanged(String moduleId, Instant at, ModuleStatus from, ModuleStatus to, String reason)
            implements ModuleEvent {
        public String type() {
            return "module-status";
        }
    }

    record Identified(String moduleId, Instant at, String model, String firmware, String imei) implements ModuleEvent {
        public String type() {
            return "module-identified";
        }
    }

    /** A connection moved between states; {@code generation} tells successive connections on one id apart. */
    record ConnectionChanged(String moduleId, Instant at, int connectId, long generation, ConnectionState from,
                             ConnectionState to, String reason, Protocol protocol, String remoteHost, int remotePort,
                             AccessMode mode) implements ModuleEvent {
        public String type() {
            return "connection-state";
        }
    }

    record DataReceived(String moduleId, Instant at, int connectId, Protocol protocol, int bytes) implements ModuleEvent {
        public String type() {
            return "data";
        }
    }

    record DataSent(String moduleId, Instant at, int connectId, Protocol protocol, int bytes) implements ModuleEvent {
        public String type() {
            return "sent";
        }
    }

    /**
     * Bytes lost: reported by the module ({@code "drop"} URC), dropped by a full gateway buffer, or left unread by a
     * connection whose id was reused for a new one.
     */
    record DataDropped(String moduleId, Instant at, int connectId, long bytes, DropSource source) implements ModuleEvent {
        public String type() {
            return "drop";
        }
    }

    enum DropSource { MODULE, GATEWAY, RETIRED }

    /**
     * The gateway moved a push-mode connection whose client reads too slowly to a buffer mode, so that the module
     * holds the data ({@code held}), or moved it back once the client caught up.
     */
    record ReceiveHeld(String moduleId, Instant at, int connectId, boolean held, int bufferedBytes)
            implements ModuleEvent {
        public String type() {
            return "receive-hold";
        }
    }

    /**
     * What a previous gateway run lost on a connection it never saw close (it crashed, or stopped leaving the connection
     * open on the module). {@code unreadBytes}: bytes it had received but no client read, as of its last counter
     * checkpoint. {@code unaccountedBytes}: bytes the module handed over (AT+MIPSACK received minus what the module still
     * holds) beyond what that run recorded as received; null when the module cannot tell (no AT+MIPSACK, UDP,
     * transparent mode, or the connection is gone). {@code generation} is the adopting lifetime, 0 when the module no
     * longer had the connection.
     */
    record RestartLoss(String moduleId, Instant at, int connectId, long generation, long previousGeneration,
                       long unreadBytes, Long unaccountedBytes) implements ModuleEvent {
        public String type() {
            return "restart-loss";
        }

        public long lostBytes() {
            return unreadBytes + (unaccountedBytes == null ? 0 : unaccountedBytes);
        }
    }

    record Acked(String moduleId, Instant at, int connectId, int bytes) implements ModuleEvent {
        public String type() {
            return "ack";
        }
    }

    /** A UDP air-interface echo ({@code "seq"} URC): whether the datagram with {@code seq} reached the base station. */
    record SeqReported(String moduleId, Instant at, int connectId, int seq, boolean delivered) implements ModuleEvent {
        public String type() {
            return "seq";
        }
    }

    /** The recovery ladder moved to a rung (resync, reopen, reboot, failed) or back to normal operation. */
    record RecoveryStep(String moduleId, Instant at, String rung, int attempt, String reason) implements ModuleEvent {
        public String type() {
            return "recovery";
        }
    }

    /** One AT+MIPSACK answer. */
    record SackSampled(String moduleId, Instant at, int connectId, Protocol protocol, long sent, long acked, long nack,
                       long received) implements ModuleEvent {
        public String type() {
            return "sack";
        }
    }

    /** Any URC, by its kind (e.g. {@code rtcp}, {@code disconn}, {@code +MIPOPEN}), for rate metrics. */
    record UrcSeen(String moduleId, Instant at, String urcType) implements ModuleEvent {
        public String type() {
            return "urc";
        }
    }

    /** An AT job ended; {@code command} is the name only (never parameters with payload). */
    record JobFinished(String moduleId, Instant at, String command, JobOutcome outcome, Integer cmeCode,
                       Instant queuedAt, Instant startedAt, Instant finishedAt) implements ModuleEvent {
        public String type() {
            return "job";
        }
    }

    record JobRejected(String moduleId, Instant at, String command, String reason) implements ModuleEvent {
        public String type() {
            return "job-rejected";
        }
    }

    record PingCompleted(String moduleId, Instant at, String host, List<PingEcho> echoes, Integer sent, Integer lost,
                         Integer rttMinMs, Integer rttMaxMs, Integer rttAvgMs) implements ModuleEvent {
        public String type() {
            return "ping";
        }
    }

    /** One echo of a ping run: result 0 = reply (AT-REFERENCE §2.12.2). */
    record PingEcho(int result, String ip, Integer size, Integer rttMs, Integer ttl) {
    }

    record DnsResolved(String moduleId, Instant at, String domain, List<String> addresses) implements ModuleEvent {
        public String type() {
            return "dns";
        }

        public boolean succeeded() {
            return !addresses.isEmpty();
        }
    }

    record NtpCompleted(String moduleId, Instant at, String server, int result, String time) implements ModuleEvent {
        public String type() {
            return "ntp";
        }
    }

    /** The link was reopened after a loss ({@code attempt} counts from 1). */
    record LinkReconnected(String moduleId, Instant at, int attempt) implements ModuleEvent {
        public String type() {
            return "link-reconnected";
        }
    }

    /** The module rebooted ({@code +MATREADY} or connections gone on reconciliation). */
    record ModuleReset(String moduleId, Instant at, String reason) implements ModuleEvent {
        public String type() {
            return "module-reset";
        }
    }

    /**
     * One reading of the module's cellular side; {@code change} names what moved since the previous reading
     * (registration, attach, radio, SIM, operator), or is null when none of that did.
     */
    record CellularStatusRead(String moduleId, Instant at, io.mipgate.domain.CellularStatus status, String change)
            implements ModuleEvent {
        public String type() {
            return "cellular-status";
        }
    }

    /**
     * An operator's control request (reboot, radio, PDP context, retry) and how it ended.
     *
     * @param requestedBy the API principal's name
     * @param failure     why it failed, or null when it succeeded
     */
    record OperatorAction(String moduleId, Instant at, String action, String detail, String requestedBy,
                          String failure) implements ModuleEvent {
        public String type() {
            return "operator-action";
        }

        public boolean succeeded() {
            return failure == null;
        }
    }

    /** Bytes on the line that decoded to nothing useful. */
    record GarbageDiscarded(String moduleId, Instant at, int bytes, String reason) implements ModuleEvent {
        public String type() {
            return "garbage";
        }
    }
}
