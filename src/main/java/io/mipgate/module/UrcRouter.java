package io.mipgate.module;

import io.mipgate.domain.AccessMode;
import io.mipgate.domain.ModuleErrorCode;
import io.mipgate.domain.Protocol;
import io.mipgate.at.decode.AtEvent;
import io.mipgate.at.decode.Information;
import io.mipgate.at.decode.Urc;
import io.mipgate.module.connection.ConnectionSlot;
import io.mipgate.module.event.ModuleEvent;
import io.mipgate.module.event.ModuleEvent.DropSource;
import io.mipgate.module.event.ModuleEvent.PingEcho;
import java.util.OptionalInt;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes everything the module says outside a command's own answer — URCs, received data, buffer notices, garbage —
 * to the connection slots, the pending asynchronous results and the subscribers. Runs on the reader thread under the
 * module lock, whether or not a command is in flight.
 */
final class UrcRouter {

    private static final Logger log = LoggerFactory.getLogger(UrcRouter.class);

    private final ModuleState state;
    private final AsyncResults pending;
    private final IntConsumer readScheduler;
    private final Runnable resetDetected;

    UrcRouter(ModuleState state, AsyncResults pending, IntConsumer readScheduler, Runnable resetDetected) {
        this.state = state;
        this.pending = pending;
        this.readScheduler = readScheduler;
        this.resetDetected = resetDetected;
    }

    void route(AtEvent event) {
        switch (event) {
            case Information.MipRdDataLine line -> bufferedData(line);
            case Information.MipSendLine line -> {
                var accepted = pending.sends.get(line.id());
                if (accepted != null) {
                    accepted.complete(line.length());
                }
            }
            case Information info -> {
            }
            case Urc urc -> {
                state.publish(new ModuleEvent.UrcSeen(state.id, state.now(), urcType(urc)));
                urc(urc);
            }
            case AtEvent.Connect connect -> connected();
            case AtEvent.TransparentData data -> transparentData(data.data());
            case AtEvent.Discarded discarded -> {
                log.warn("module={} discarded {} bytes: {}", state.id, discarded.length(), discarded.reason());
                state.publish(new ModuleEvent.GarbageDiscarded(state.id, state.now(), discarded.length(),
                        discarded.reason()));
            }
            default -> {
            }
        }
    }

    private void urc(Urc urc) {
        switch (urc) {
            case Urc.MipOpenResult open -> openResult(open.id(), open.result());
            case Urc.MipCloseResult close -> closeResult(close.id(), close.retCode());
            case Urc.Disconnected disconn -> disconnected(disconn.id(), disconn.state());
            case Urc.DataReceived data -> pushedData(data.id(), data.protocol(), data.data());
            case Urc.StreamBuffered notice -> bufferNotice(notice.id(), notice.total());
            case Urc.PacketsBuffered notice -> bufferNotice(notice.id(), notice.count());
            case Urc.AckReport ack -> state.publish(new ModuleEvent.Acked(state.id, state.now(), ack.id(), ack.length()));
            case Urc.DropReport drop -> dropped(drop.id(), drop.length(), DropSource.MODULE);
            case Urc.SeqReport seq -> log.debug("module={} connect_id={} seq={} result={}", state.id, seq.id(), seq.seq(),
                    seq.result());
            case Urc.PingReply reply -> pingReply(reply);
            case Urc.PingStatistics stats -> pingStatistics(stats);
            case Urc.DnsResult dns -> dnsResult(dns);
            case Urc.NtpResult ntp -> {
                if (pending.ntp != null) {
                    pending.ntp.complete(new NtpOutcome(ntp.result(), ntp.time()));
                    pending.ntp = null;
                }
            }
            case Urc.ModuleReady ready -> {
                if (state.status() == ModuleStatus.UP) {
                    log.warn("module={} +MATREADY while UP: the module rebooted", state.id);
                    resetDetected.run();
                }
            }
            case Urc.Rebooting rebooting -> log.info("module={} is rebooting", state.id);
            case Urc.OtherUrc other -> log.debug("module={} URC {}", state.id, other.prefix());
        }
    }

    private void openResult(int connectId, int result) {
        ConnectionSlot slot = state.slot(connectId);
        var future = pending.opens.remove(connectId);
        if (slot == null) {
            return;
        }
        if (result == 0) {
            moveTo(slot, ConnectionState.CONNECTED, "connected");
        } else {
            moveTo(slot, ConnectionState.CLOSED, "open failed: " + describeResult(result));
        }
        if (future != null) {
            future.complete(result);
        }
    }

    private void closeResult(int connectId, OptionalInt retCode) {
        ConnectionSlot slot = state.slot(connectId);
        if (slot != null && !pending.closes.containsKey(connectId) && slot.state().isOpen()) {
            // nobody closed this connection: the report belongs to one that lived on this id before (FIELD-NOTES §16)
            log.warn("module={} connect_id={} late +MIPCLOSE of a retired connection ignored", state.id, connectId);
            return;
        }
        if (slot != null) {
            slot.awaitingRelease(false);
            if (slot.state() != ConnectionState.CLOSED) {
                moveTo(slot, ConnectionState.CLOSED, "closed by host"
                        + (retCode.isPresent() ? " (ret_code " + retCode.getAsInt() + ")" : ""));
            }
            endBridge(connectId);
        }
        var future = pending.closes.remove(connectId);
        if (future != null) {
            future.complete(retCode);
        }
    }

    private void disconnected(int connectId, int connectState) {
        ConnectionSlot slot = state.slot(connectId);
        if (slot == null) {
            return;
        }
        if (slot.state() == ConnectionState.CONNECTING) {
            // a new connection is being opened on this id; a disconnect can only be the late one of its predecessor
            log.warn("module={} connect_id={} late \"disconn\" of a retired connection ignored", state.id, connectId);
            return;
        }
        String why = switch (connectState) {
            case 1 -> "peer closed";
            case 2 -> "connection error";
            case 3 -> "PDP deactivated";
            default -> "disconnected (" + connectState + ")";
        };
        slot.awaitingRelease(slot.hostReleases());
        moveTo(slot, ConnectionState.CLOSED, why);
        endBridge(connectId);
        if (slot.moduleUnread() > 0) {
            readScheduler.accept(connectId);
        }
    }

    private void pushedData(int connectId, Protocol protocol, byte[] data) {
        ConnectionSlot slot = state.slot(connectId);
        if (slot != null) {
            accept(slot, protocol, data);
        }
    }

    private void bufferedData(Information.MipRdDataLine line) {
        ConnectionSlot slot = state.slot(line.id());
        if (slot != null) {
            slot.moduleUnread(line.unread());
            accept(slot, slot.protocol(), line.data());
        }
    }

    private void transparentData(byte[] data) {
        Integer bridged = state.bridgedConnectId();
        ConnectionSlot slot = bridged == null ? null : state.slot(bridged);
        if (slot == null) {
            log.warn("module={} {} transparent bytes with no bridged connection", state.id, data.length);
            return;
        }
        accept(slot, slot.protocol(), data);
    }

    private void accept(ConnectionSlot slot, Protocol protocol, byte[] data) {
        int taken = slot.receiveBuffer().append(data, 0, data.length);
        slot.countReceived(data.length);
        state.publish(new ModuleEvent.DataReceived(state.id, state.now(), slot.connectId(), protocol, data.length));
        if (taken < data.length) {
            dropped(slot.connectId(), data.length - taken, DropSource.GATEWAY);
        }
    }

    private void dropped(int connectId, long bytes, DropSource source) {
        ConnectionSlot slot = state.slot(connectId);
        if (slot != null) {
            slot.countDropped(bytes);
        }
        log.warn("module={} connect_id={} {} bytes dropped ({})", state.id, connectId, bytes,
                source == DropSource.MODULE ? "module buffer full" : "gateway buffer full");
        state.publish(new ModuleEvent.DataDropped(state.id, state.now(), connectId, bytes, source));
    }

    private void bufferNotice(int connectId, int unread) {
        ConnectionSlot slot = state.slot(connectId);
        if (slot != null) {
            slot.moduleUnread(unread);
            readScheduler.accept(connectId);
        }
    }

    private void connected() {
        Integer connectId = pending.connectFor;
        if (connectId == null) {
            log.warn("module={} CONNECT with no transparent switch pending", state.id);
            return;
        }
        ConnectionSlot slot = state.slot(connectId);
        slot.mode(AccessMode.TRANSPARENT);
        state.bridgedConnectId(connectId);
        moveTo(slot, ConnectionState.CONNECTED, "transparent mode");
        var open = pending.opens.remove(connectId);
        if (open != null) {
            open.complete(0);
        }
        if (pending.connect != null) {
            pending.connect.complete(null);
        }
        pending.connect = null;
        pending.connectFor = null;
    }

    private void endBridge(int connectId) {
        if (Integer.valueOf(connectId).equals(state.bridgedConnectId())) {
            state.bridgedConnectId(null);
            state.slot(connectId).mode(AccessMode.NORMAL);
        }
    }

    private void pingReply(Urc.PingReply reply) {
        var ping = pending.ping;
        if (ping == null) {
            return;
        }
        ping.echoes.add(new PingEcho(reply.result(), reply.ip(), reply.size(), reply.rttMs(), reply.ttl()));
        boolean aborted = reply.result() != 0 && reply.result() != 4;
        if (aborted || ping.expectedEchoes == 1 && ping.echoes.size() == 1) {
            ping.result.complete(new PingOutcome(ping.echoes, null, null, null, null, null));
            pending.ping = null;
        }
    }

    private void pingStatistics(Urc.PingStatistics stats) {
        var ping = pending.ping;
        if (ping != null) {
            ping.result.complete(new PingOutcome(ping.echoes, stats.sent(), stats.lost(), stats.rttMin(),
                    stats.rttMax(), stats.rttAvg()));
            pending.ping = null;
        }
    }

    private void dnsResult(Urc.DnsResult dns) {
        if (pending.dns != null) {
            pending.dns.complete(dns.addresses());
            pending.dns = null;
        }
        state.publish(new ModuleEvent.DnsResolved(state.id, state.now(), dns.domain(), dns.addresses()));
    }

    void moveTo(ConnectionSlot slot, ConnectionState to, String why) {
        ConnectionState from = slot.state();
        slot.transition(to, why, state.now());
        log.info("module={} connect_id={} {} -> {} ({})", state.id, slot.connectId(), from, to, why);
        published(slot, from);
    }

    /** Tells subscribers the slot's current state, reached from {@code from}. */
    void published(ConnectionSlot slot, ConnectionState from) {
        state.publish(new ModuleEvent.ConnectionChanged(state.id, state.now(), slot.connectId(), slot.generation(),
                from, slot.state(), slot.reason(), slot.protocol(), slot.remoteHost(), slot.remotePort(), slot.mode()));
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
