package io.mipgate.module;

import static org.assertj.core.api.Assertions.assertThat;

import io.mipgate.at.command.AtCommand;
import io.mipgate.at.command.MipState;
import io.mipgate.at.decode.FinalResult;
import io.mipgate.at.decode.Information;
import io.mipgate.at.model.ModelFamily;
import io.mipgate.at.model.ModelProfiles;
import io.mipgate.domain.AccessMode;
import io.mipgate.domain.Protocol;
import io.mipgate.module.event.ModuleEvent;
import io.mipgate.transport.LinkSpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reconciliation against a scripted line: what AT+MIPSTATE? says is applied, and nothing more is read into it. */
class ReconcilerTest {

    private final ModuleState state = new ModuleState("m", Clock.systemUTC(), ModelProfiles.of(ModelFamily.ML307R));
    private final ConnectionTable table = new ConnectionTable(state, 4096);
    private final List<ModuleEvent> events = new ArrayList<>();
    private final List<String> sent = new ArrayList<>();
    private Function<AtCommand, List<Information>> module = command -> List.of();

    private final WorkerContext context = new WorkerContext(
            ModuleSettings.defaults("m", LinkSpec.parse("m", "emulator:ML307R")), state, table,
            (command, payload, onOk, inputTimeout) -> {
                sent.add(command.getClass().getEnclosingClass().getSimpleName() + "." + command.getClass().getSimpleName());
                return new ExchangeResult(module.apply(command), new FinalResult.Ok());
            },
            new WorkerContext.Submitter() {
                @Override
                public <T> CompletableFuture<T> submit(String name, io.mipgate.module.job.JobPriority priority,
                                                       io.mipgate.module.job.Job.JobBody<T> body) {
                    return new CompletableFuture<>();
                }
            });
    private final Reconciler reconciler = new Reconciler(context, new FlowControl(context));

    ReconcilerTest() {
        state.subscribe(events::add);
        state.locked(() -> state.status(ModuleStatus.UP, null));
    }

    private void connected(int id) {
        table.lifecycle.beginOpen(id, new OpenRequest(Protocol.TCP, "127.0.0.1", 7, id, AccessMode.NORMAL, null, null));
        table.lifecycle.openResult(id, 0, "");
    }

    private static Information.MipStateLine line(int id, String state) {
        return new Information.MipStateLine(id, null, null, null, state);
    }

    @Test
    void theOnlyConnectionVanishingIsClosedNotTakenForAReboot() {
        connected(0);
        module = command -> command instanceof MipState.Read ? List.of(line(0, "INITIAL"), line(1, "INITIAL")) : List.of();

        reconciler.reconcile();

        assertThat(table.snapshot(0).state()).isEqualTo(ConnectionState.CLOSED);
        assertThat(table.snapshot(0).reason()).isEqualTo("gone on reconciliation");
        assertThat(events).noneMatch(ModuleEvent.ModuleReset.class::isInstance);
        assertThat(state.status()).isEqualTo(ModuleStatus.UP);
    }

    /**
     * Each {@code <state>} of AT-REFERENCE 2.8.2 for a connection the gateway holds open: the two open states keep it,
     * the others close it (CLOSED is a drop the module holds under autofree 1, CLOSING a close under way).
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"INITIAL, CLOSED", "CONNECTING, CONNECTED", "CONNECTED, CONNECTED", "CLOSING, CLOSED",
            "CLOSED, CLOSED"})
    void everyStateTheModuleReportsSettlesAConnectionHeldOpen(String moduleState, ConnectionState expected) {
        connected(1);
        module = command -> command instanceof MipState.Read
                ? List.of(new Information.MipStateLine(1, Protocol.TCP, "127.0.0.1", 7, moduleState)) : List.of();

        reconciler.reconcile();

        assertThat(table.snapshot(1).state()).isEqualTo(expected);
    }

    @Test
    void anAdoptedConnectionsModeAndEncodingAreReadBeforeItIsTakenOver() {
        module = command -> switch (command) {
            case MipState.Read read -> List.of(new Information.MipStateLine(3, Protocol.TCP, "10.0.0.1", 80, "CONNECTED"));
            case io.mipgate.at.command.MipCfg.Query query ->
                    List.of(new Information.MipCfgLine(io.mipgate.domain.MipCfgOption.ENCODING, 3, List.of("1", "1")));
            case io.mipgate.at.command.MipMode.Query query -> List.of(new Information.MipModeLine(3, AccessMode.STREAM_BUFFER));
            case io.mipgate.at.command.MipRd.Query query -> List.of(new Information.MipRdQueryLine(3, 0));
            default -> List.of();
        };

        reconciler.reconcile();

        ConnectionSnapshot adopted = table.snapshot(3);
        assertThat(adopted.state()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(adopted.mode()).isEqualTo(AccessMode.STREAM_BUFFER);
        assertThat(adopted.recvFormat()).isEqualTo(io.mipgate.domain.RecvFormat.HEX);
        assertThat(sent).containsSubsequence("MipState.Read", "MipCfg.Query", "MipMode.Query");
        assertThat(events).filteredOn(ModuleEvent.ConnectionChanged.class::isInstance)
                .map(e -> ((ModuleEvent.ConnectionChanged) e).mode()).first().isEqualTo(AccessMode.STREAM_BUFFER);
    }

    @Test
    void aLateDisconnectIsSettledByTheModulesOwnAnswer() {
        connected(2);
        long generation = table.snapshot(2).generation();
        module = command -> List.of(new Information.MipStateLine(2, Protocol.TCP, "127.0.0.1", 7, "CONNECTED"));
        reconciler.confirmDisconnect(2, generation, 1);
        assertThat(table.snapshot(2).state()).isEqualTo(ConnectionState.CONNECTED);

        module = command -> List.of(line(2, "INITIAL"));
        reconciler.confirmDisconnect(2, generation, 1);
        assertThat(table.snapshot(2).state()).isEqualTo(ConnectionState.CLOSED);
        assertThat(table.snapshot(2).reason()).isEqualTo("peer closed");
    }
}
