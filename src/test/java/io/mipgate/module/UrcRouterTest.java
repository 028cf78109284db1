package io.mipgate.module;

import static org.assertj.core.api.Assertions.assertThat;

import io.mipgate.domain.AccessMode;
import io.mipgate.domain.Protocol;
import io.mipgate.at.decode.Urc;
import io.mipgate.at.model.ModelFamily;
import io.mipgate.at.model.ModelProfiles;
import io.mipgate.module.connection.ConnectionSlot;
import io.mipgate.module.event.ModuleEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Routing decisions that need no module: late reports of a retired connection on a reused id (FIELD-NOTES §8.3). */
class UrcRouterTest {

    private final ModuleState state = new ModuleState("m", Clock.systemUTC(), ModelProfiles.of(ModelFamily.ML307R), 4096);
    private final AsyncResults pending = new AsyncResults();
    private final List<Integer> reads = new ArrayList<>();
    private final List<ModuleEvent> events = new ArrayList<>();
    private final UrcRouter router = new UrcRouter(state, pending, reads::add, () -> { });

    UrcRouterTest() {
        state.subscribe(events::add);
    }

    private ConnectionSlot opening(int id) {
        ConnectionSlot slot = state.slot(id);
        slot.opening(Protocol.TCP, "127.0.0.1", 7, AccessMode.NORMAL, state.now());
        return slot;
    }

    @Test
    void aDisconnectWhileTheNextConnectionOpensIsTheOldOnesAndIgnored() {
        ConnectionSlot slot = opening(2);
        router.route(new Urc.Disconnected(2, 1));
        assertThat(slot.state()).isEqualTo(ConnectionState.CONNECTING);

        router.route(new Urc.MipOpenResult(2, 0));
        assertThat(slot.state()).isEqualTo(ConnectionState.CONNECTED);
        router.route(new Urc.Disconnected(2, 1));
        assertThat(slot.state()).isEqualTo(ConnectionState.CLOSED);
        assertThat(slot.reason()).isEqualTo("peer closed");
    }

    @Test
    void aCloseReportNobodyAskedForLeavesALiveConnectionAlone() {
        ConnectionSlot slot = opening(1);
        router.route(new Urc.MipOpenResult(1, 0));
        router.route(new Urc.MipCloseResult(1, OptionalInt.empty()));
        assertThat(slot.state()).isEqualTo(ConnectionState.CONNECTED);

        CompletableFuture<OptionalInt> close = new CompletableFuture<>();
        pending.closes.put(1, close);
        router.route(new Urc.MipCloseResult(1, OptionalInt.empty()));
        assertThat(slot.state()).isEqualTo(ConnectionState.CLOSED);
        assertThat(close).isCompleted();
    }

    @Test
    void aFailedOpenNamesTheModulesErrorCode() {
        ConnectionSlot slot = opening(0);
        CompletableFuture<Integer> open = new CompletableFuture<>();
        pending.opens.put(0, open);
        router.route(new Urc.MipOpenResult(0, 559));
        assertThat(open).isCompletedWithValue(559);
        assertThat(slot.state()).isEqualTo(ConnectionState.CLOSED);
        assertThat(slot.reason()).isEqualTo("open failed: 559 SOCKET_CONNECT_FAILED");
        assertThat(events).filteredOn(ModuleEvent.ConnectionChanged.class::isInstance).hasSize(1);
    }

    @Test
    void pushedDataBeyondTheGatewayBufferIsCountedNotSilentlyLost() {
        ConnectionSlot slot = opening(3);
        router.route(new Urc.MipOpenResult(3, 0));
        router.route(new Urc.DataReceived(3, Protocol.TCP, new byte[5000]));
        assertThat(slot.receiveBuffer().size()).isEqualTo(4096);
        assertThat(slot.snapshot().droppedBytes()).isEqualTo(5000 - 4096);
        assertThat(events).filteredOn(ModuleEvent.DataDropped.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((ModuleEvent.DataDropped) e).source()).isEqualTo(ModuleEvent.DropSource.GATEWAY));
    }
}
