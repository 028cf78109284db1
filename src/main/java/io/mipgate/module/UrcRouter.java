package io.mipgate.module;

import io.mipgate.at.decode.AtEvent;
import io.mipgate.at.decode.Information;
import io.mipgate.at.decode.Urc;
import io.mipgate.domain.ModuleErrorCode;
import io.mipgate.domain.Protocol;
import io.mipgate.module.event.ModuleEvent;
import io.mipgate.module.event.ModuleEvent.DropSource;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes everything the module says outside a command's own answer — URCs, received data, buffer notices, garbage —
 * to the connection table, the pending module-wide results and the subscribers. Runs on the reader thread under the
 * module lock, whether or not a command is in flight; what needs the line (reads, confirmations, re-initialisation)
 * it hands to the worker through {@link Followups}.
 */
final class UrcRouter {

    private static final Logger log = LoggerFactory.getLogger(UrcRouter.class);

    /** Work a URC calls for that needs the line; the worker queues it. */
    interface Followups {
        void readBuffered(int connectId);

        /** The module may hold bytes for a buffer-mode connection that the gateway heard no notice of. */
        void askUnread(int connectId);

        /** A push-mode client reads too slowly: move its connection to a buffer mode before its buffer fills. */
        void holdBack(int connectId);

        void confirmDisconnect(int connectId, long generation, int connectState);

        void moduleRebooted(String why);

        /** A {@code "disconn"} with state 3: the PDP context went down (FIELD-NOTES §8.3). */
        void dataCallLost();

        /** Whether these transparent bytes are held back while the worker checks for a reboot. */
        default boolean holdTransparent(byte[] data) {
            return false;
        }
    }

    private final ModuleState state;
    private final ConnectionTable table;
    private final AsyncResults pending;
    private final Followups followups;

    UrcRouter(ModuleState state, ConnectionTable table, AsyncResults pending, Followups followups) {
        this.state = state;
        this.table = table;
        this.pending = pending;
        this.followups = followups;
    }

    void route(AtEvent event) {
        switch (event) {
            case Information.MipRdDataLine line -> {
                table.traffic.moduleUnread(line.id(), line.unread());
                table.traffic.received(line.id(), null, line.data());
            }
            case Information.MipSendLine line -> table.traffic.sendReport(line.id(), line.length());
            case Information info -> {
            }
            case Urc urc -> {
                state.publish(new ModuleEvent.UrcSeen(state.id, state.now(), urcType(urc)));
                urc(urc);
            }
            case AtEvent.Connect connect -> table.lifecycle.connected();
            case AtEvent.TransparentData data -> {
                if (!followups.holdTransparent(data.data())) {
                    table.traffic.receivedTransparent(data.data());
                }
            }
            case AtEvent.Echo echo -> {
                if (state.echoOff()) {
                    // ATE0 does not survive a reboot: an echo is a reboot we did not see announced (FIELD-NOTES §3)
                    followups.moduleRebooted("command echo is back on");
                }
            }
            case AtEvent.Discarded discarded -> {
                log.warn("module={} discarded {} bytes: {}", state.id, discarded.length(), discarded.reason());
                state.publish(new ModuleEvent.GarbageDiscarded(state.id, state.now(), discarded.length(),
                        discarded.reason()));
                // it may have been a buffer notice in a shape nobody documented (FIELD-NOTES §4, §8.2)
                table.traffic.claimUnreadChecks(Duration.ZERO).forEach(followups::askUnread);
            }
            default -> {
            }
        }
    }

    private void urc(Urc urc) {
        switch (urc) {
            case Urc.MipOpenResult open -> table.lifecycle.openResult(open.id(), open.result(), describeResult(open.result()));
            case Urc.MipCloseResult close -> table.lifecycle.closeResult(close.id(), close.retCode());
            case Urc.Disconnected disconn -> disconnected(disconn.id(), disconn.state());
            case Urc.DataReceived data -> {
                if (table.traffic.received(data.id(), data.protocol(), data.data())) {
                    followups.holdBack(data.id());
                }
            }
            case Urc.StreamBuffered notice -> bufferNotice(notice.id(), notice.total());
            case Urc.PacketsBuffered notice -> bufferNotice(notice.id(), notice.count());
            case Urc.AckReport ack -> state.publish(new ModuleEvent.Acked(state.id, state.now(), ack.id(), ack.length()));
            case Urc.DropReport drop -> table.traffic.dropped(drop.id(), drop.length(), DropSource.MODULE);
            case Urc.SeqReport seq -> table.traffic.seq(seq.id(), seq.seq(), seq.result());
            case Urc.PingReply reply -> pending.pingReply(reply);
            case Urc.PingStatistics stats -> pending.pingStatistics(stats);
            case Urc.DnsResult dns -> {
                String domain = pending.dnsResult(dns);
                state.publish(new ModuleEvent.DnsResolved(state.id, state.now(), domain, dns.addresses()));
            }
            case Urc.NtpResult ntp -> pending.ntpResult(ntp);
            case Urc.ModuleReady ready -> {
                if (state.status() == ModuleStatus.UP) {
                    followups.moduleRebooted("+MATREADY while UP");
                }
            }
            case Urc.Rebooting rebooting -> log.info("module={} is rebooting", state.id);
            case Urc.OtherUrc other -> log.debug("module={} URC {}", state.id, other.prefix());
        }
    }

    private void disconnected(int connectId, int connectState) {
        if (connectState == 3) {
            followups.dataCallLost();
        }
        switch (table.lifecycle.disconnected(connectId, connectState)) {
            case CONFIRM -> followups.confirmDisconnect(connectId, table.inspect(connectId, s -> s.generation),
                    connectState);
            case CLOSED -> followups.readBuffered(connectId);
            case IGNORED -> {
            }
        }
    }

    private void bufferNotice(int connectId, int unread) {
        table.traffic.moduleUnread(connectId, unread);
        followups.readBuffered(connectId);
    }

    private String describeResult(int result) {
        return state.profile().open().failureAsErrorCode()
                ? result + " " + ModuleErrorCode.nameOf(result)
                : "result " + result;
    }

    static String urcType(Urc urc) {
        return switch (urc) {
            case Urc.MipOpenResult u -> "mipopen";
            case Urc.MipCloseResult u -> "mipclose";
            case Urc.Disconnected u -> "disconn";
            case Urc.DataReceived u -> u.protocol() == Protocol.UDP ? "rudp" : "rtcp";
            case Urc.StreamBuffered u -> "rtcp-buffered";
            case Urc.PacketsBuffered u -> "rudp-buffered";
            case Urc.SeqReport u -> "seq";
            case Urc.AckReport u -> "ack";
            case Urc.DropReport u -> "drop";
            case Urc.PingReply u -> "mping";
            case Urc.PingStatistics u -> "mping-statistics";
            case Urc.DnsResult u -> "mdnsgip";
            case Urc.NtpResult u -> "mntp";
            case Urc.ModuleReady u -> "matready";
            case Urc.Rebooting u -> "rebooting";
            case Urc.OtherUrc u -> "other";
        };
    }
}
