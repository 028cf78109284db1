package io.mipgate.module;

import static org.assertj.core.api.Assertions.assertThat;

import io.mipgate.at.decode.AtEvent;
import io.mipgate.at.decode.Urc;
import io.mipgate.at.model.ModelFamily;
import io.mipgate.at.model.ModelProfiles;
import io.mipgate.domain.AccessMode;
import io.mipgate.domain.Protocol;
import io.mipgate.module.event.ModuleEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The connection table's transitions as the URC router drives them, without a module: late reports of a retired
 * connection on a reused id (FIELD-NOTES §8.3), buffers that belong to one connection, and what is counted.
 */
class ConnectionTableTest {

    private final ModuleState state = new ModuleState("m", Clock.systemUTC(), ModelProfiles.of(ModelFamily.ML307R));
    private final ConnectionTable table = new ConnectionTable(state, 4096);
    private final List<String> followups = new ArrayList<>();
    private final List<ModuleEvent> events = new ArrayList<>();
    private final UrcRouter router = new UrcRouter(state, table, new AsyncResults("m"), new UrcRouter.Followups() {
        @Override
        public void readBuffered(int connectId) {
            followups.add("read " + connectId);
        }

        @Override
        public void askUnread(int connectId) {
            followups.add("ask " + connectId);
        }

        @Override
        public void holdBack(int connectId) {
            followups.add("hold " + connectId);
        }

        @Override
        public void confirmDisconnect(int connectId, long generation, int connectState) {
            followups.add("confirm " + connectId + "/" + generation);
        }

        @Override
        public void moduleRebooted(String why) {
            followups.add("rebooted");
        }

        @Override
        public void dataCallLost() {
            followups.add("data call lost");
        }
    });

    ConnectionTableTest() {
        table.resize(ModelProfiles.of(ModelFamily.ML307R).connectIds());
        state.subscribe(events::add);
    }

    private ConnectionLifecycle.PendingOpen opening(int id) {
        return table.lifecycle.beginOpen(id, new OpenRequest(Protocol.TCP, "127.0.0.1", 7, id, AccessMode.NORMAL, null, null));
    }

    private ConnectionState stateOf(int id) {
        return table.snapshot(id).state();
    }

    private void connected(int id) {
        opening(id);
        router.route(new Urc.MipOpenResult(id, 0));
    }

    @Test
    void aDisconnectWhileTheNextConnectionOpensIsTheOldOnesAndIgnored() {
        opening(2);
        router.route(new Urc.Disconnected(2, 1));
        assertThat(stateOf(2)).isEqualTo(ConnectionState.CONNECTING);

        router.route(new Urc.MipOpenResult(2, 0));
        assertThat(stateOf(2)).isEqualTo(ConnectionState.CONNECTED);
        router.route(new Urc.Disconnected(2, 1));
        assertThat(stateOf(2)).isEqualTo(ConnectionState.CLOSED);
        assertThat(table.snapshot(2).reason()).isEqualTo("peer closed");
    }

    @Test
    void aDisconnectOnAReusedIdIsConfirmedBeforeItClosesTheNewConnection() {
        connected(4);
        CompletableFutureCloses.close(table, router, 4);
        connected(4);
        long generation = table.snapshot(4).generation();

        router.route(new Urc.Disconnected(4, 1));

        assertThat(stateOf(4)).isEqualTo(ConnectionState.CONNECTED);
        assertThat(followups).containsExactly("confirm 4/" + generation);
        table.lifecycle.confirmed(4, generation, ConnectionState.CONNECTED, "peer closed");
        assertThat(stateOf(4)).isEqualTo(ConnectionState.CONNECTED);
        table.lifecycle.confirmed(4, generation, ConnectionState.CLOSED, "peer closed");
        assertThat(stateOf(4)).isEqualTo(ConnectionState.CLOSED);
        assertThat(table.snapshot(4).reason()).isEqualTo("peer closed");
    }

    @Test
    void aConfirmationForAnOlderGenerationChangesNothing() {
        connected(4);
        long old = table.snapshot(4).generation();
        CompletableFutureCloses.close(table, router, 4);
        connected(4);

        table.lifecycle.confirmed(4, old, ConnectionState.CLOSED, "peer closed");

        assertThat(stateOf(4)).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void aCloseReportNobodyAskedForLeavesALiveConnectionAlone() {
        connected(1);
        router.route(new Urc.MipCloseResult(1, OptionalInt.empty()));
        assertThat(stateOf(1)).isEqualTo(ConnectionState.CONNECTED);

        var close = table.lifecycle.beginClose(1);
        router.route(new Urc.MipCloseResult(1, OptionalInt.empty()));
        assertThat(stateOf(1)).isEqualTo(ConnectionState.CLOSED);
        assertThat(close).isCompleted();
    }

    @Test
    void aFailedOpenNamesTheModulesErrorCode() {
        var open = opening(0);
        router.route(new Urc.MipOpenResult(0, 559));
        assertThat(open.result()).isCompletedWithValue(559);
        assertThat(stateOf(0)).isEqualTo(ConnectionState.CLOSED);
        assertThat(table.snapshot(0).reason()).isEqualTo("open failed: 559 SOCKET_CONNECT_FAILED");
    }

    @Test
    void aPushModeBufferFilledPastHalfAsksOnceToHoldTheConnectionBackInTheModule() {
        connected(2);
        router.route(new Urc.DataReceived(2, Protocol.TCP, new byte[2047]));
        assertThat(followups).isEmpty();
        router.route(new Urc.DataReceived(2, Protocol.TCP, new byte[1]));
        router.route(new Urc.DataReceived(2, Protocol.TCP, new byte[100]));
        assertThat(followups).containsExactly("hold 2");

        table.traffic.holdSettled(2, true);
        table.mode(2, AccessMode.STREAM_BUFFER);
        assertThat(table.snapshot(2).receiveHeld()).as("a client's own mode change ends the hold").isFalse();
    }

    @Test
    void discardedLinesAskOnceWhatTheModuleHoldsForABufferModeConnectionUntilTheCheckIsDone() {
        connected(4);
        table.mode(4, AccessMode.STREAM_BUFFER);
        router.route(new AtEvent.Discarded(9, "malformed +MIPURC"));
        router.route(new AtEvent.Discarded(9, "malformed +MIPURC"));
        assertThat(followups).containsExactly("ask 4");

        table.traffic.unreadChecked(4);
        router.route(new AtEvent.Discarded(9, "malformed +MIPURC"));
        assertThat(followups).containsExactly("ask 4", "ask 4");
    }

    @Test
    void pushedDataBeyondTheGatewayBufferIsCountedNotSilentlyLost() {
        connected(3);
        router.route(new Urc.DataReceived(3, Protocol.TCP, new byte[5000]));
        assertThat(table.snapshot(3).bufferedBytes()).isEqualTo(4096);
        assertThat(table.snapshot(3).droppedBytes()).isEqualTo(5000 - 4096);
        assertThat(events).filteredOn(ModuleEvent.DataDropped.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((ModuleEvent.DataDropped) e).source()).isEqualTo(ModuleEvent.DropSource.GATEWAY));
    }

    @Test
    void bytesAClosedConnectionLeftUnreadNeverReachTheNextConnectionOnItsId() {
        connected(5);
        router.route(new Urc.DataReceived(5, Protocol.TCP, "stale!".getBytes()));
        router.route(new Urc.Disconnected(5, 1));

        connected(5);
        router.route(new Urc.DataReceived(5, Protocol.TCP, "fresh".getBytes()));

        assertThat(table.traffic.take(5, 100).data()).isEqualTo("fresh".getBytes());
        assertThat(events).filteredOn(ModuleEvent.DataDropped.class::isInstance)
                .map(e -> (ModuleEvent.DataDropped) e)
                .singleElement()
                .satisfies(drop -> {
                    assertThat(drop.source()).isEqualTo(ModuleEvent.DropSource.RETIRED);
                    assertThat(drop.bytes()).isEqualTo(6);
                });
    }

    @Test
    void aFreeIdWithUnreadBytesIsPickedLast() {
        for (int id = 0; id <= 5; id++) {
            connected(id);
        }
        router.route(new Urc.DataReceived(0, Protocol.TCP, "unread".getBytes()));
        for (int id = 0; id <= 5; id++) {
            router.route(new Urc.Disconnected(id, 1));
        }
        var next = table.lifecycle.beginOpen(null, new OpenRequest(Protocol.TCP, "h", 1, null, null, null, null));
        assertThat(next.connectId()).isNotZero();
        assertThat(table.snapshot(0).bufferedBytes()).isEqualTo(6);
    }

    @Test
    void anAirInterfaceEchoIsKeptOnTheConnectionAndPublished() {
        connected(2);
        router.route(new Urc.SeqReport(2, 17, 0));
        assertThat(table.snapshot(2).lastSeq()).satisfies(seq -> {
            assertThat(seq.seq()).isEqualTo(17);
            assertThat(seq.delivered()).isTrue();
        });
        assertThat(events).filteredOn(ModuleEvent.SeqReported.class::isInstance).hasSize(1);
    }

    @Test
    void anAckAndAModulesDropAreEachPublishedForTheirConnection() {
        connected(4);
        router.route(new Urc.AckReport(4, 1460));
        router.route(new Urc.DropReport(4, 10));
        assertThat(events).filteredOn(ModuleEvent.Acked.class::isInstance).singleElement()
                .satisfies(e -> assertThat(e).isEqualTo(new ModuleEvent.Acked(state.id, e.at(), 4, 1460)));
        assertThat(events).filteredOn(ModuleEvent.DataDropped.class::isInstance).map(e -> (ModuleEvent.DataDropped) e)
                .singleElement().satisfies(drop -> {
                    assertThat(drop.connectId()).isEqualTo(4);
                    assertThat(drop.bytes()).isEqualTo(10);
                    assertThat(drop.source()).isEqualTo(ModuleEvent.DropSource.MODULE);
                });
        assertThat(table.snapshot(4).state()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void anEchoAfterEchoWasSwitchedOffIsAnUnannouncedReboot() {
        state.echoOff(true);
        router.route(new io.mipgate.at.decode.AtEvent.Echo("AT+MIPSTATE?"));
        assertThat(followups).containsExactly("rebooted");
    }

    /** Closes a connection the way the worker does: AT+MIPCLOSE registered, then its URC. */
    private static final class CompletableFutureCloses {
        static void close(ConnectionTable table, UrcRouter router, int id) {
            table.lifecycle.beginClose(id);
            router.route(new Urc.MipCloseResult(id, OptionalInt.empty()));
        }
    }
}
