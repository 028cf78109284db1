package io.mipgate.module;

import static org.assertj.core.api.Assertions.assertThat;

import io.mipgate.at.command.AtCommand;
import io.mipgate.at.command.Cellular;
import io.mipgate.at.decode.FinalResult;
import io.mipgate.at.decode.Information;
import io.mipgate.at.model.ModelFamily;
import io.mipgate.at.model.ModelProfiles;
import io.mipgate.domain.CellularStatus;
import io.mipgate.domain.RegistrationState;
import io.mipgate.domain.SimState;
import io.mipgate.module.event.ModuleEvent;
import io.mipgate.transport.LinkSpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The status reader against a scripted line with firmware other than the emulator's: no AT+CEREG? (AT+CREG? is asked),
 * no AT+CESQ and no AT+MCCID (each asked once, then never again), a bare-line IMSI and a missing SIM.
 */
class CellularStatusReaderTest {

    private final ModuleState state = new ModuleState("m", Clock.systemUTC(), ModelProfiles.of(ModelFamily.ML307R));
    private final ConnectionTable table = new ConnectionTable(state, 4096);
    private final List<ModuleEvent> events = new ArrayList<>();
    private final List<String> sent = new ArrayList<>();
    private Function<AtCommand, ExchangeResult> module;

    private final WorkerContext context = new WorkerContext(
            ModuleSettings.defaults("m", LinkSpec.parse("m", "emulator:ML307R")), state, table,
            (command, payload, onOk, inputTimeout) -> {
                sent.add(command.describe());
                return module.apply(command);
            },
            new WorkerContext.Submitter() {
                @Override
                public <T> CompletableFuture<T> submit(String name, io.mipgate.module.job.JobPriority priority,
                                                       io.mipgate.module.job.Job.JobBody<T> body) {
                    return new CompletableFuture<>();
                }
            });
    private final CellularStatusReader reader = new CellularStatusReader(context);

    CellularStatusReaderTest() {
        state.subscribe(events::add);
    }

    private static ExchangeResult ok(Information... lines) {
        return new ExchangeResult(List.of(lines), new FinalResult.Ok());
    }

    private static ExchangeResult error() {
        return new ExchangeResult(List.of(), new FinalResult.Error());
    }

    private static Information info(String prefix, String... fields) {
        return new Information.GenericInfo(prefix, List.of(fields));
    }

    private ExchangeResult olderFirmware(AtCommand command, boolean simInserted) {
        return switch (command) {
            case Cellular.SignalQuality c -> ok(info("+CSQ", "10", "0"));
            case Cellular.ExtendedSignalQuality c -> error();
            case Cellular.EpsRegistration c -> error();
            case Cellular.Registration c -> ok(info("+CREG", "0", simInserted ? "5" : "0"));
            case Cellular.AttachState c -> ok(info("+CGATT", simInserted ? "1" : "0"));
            case Cellular.FunctionalityRead c -> ok(info("+CFUN", "1"));
            case Cellular.OperatorSelection c -> ok(info("+COPS", "0", "2", "46000", "7"));
            case Cellular.PinState c -> simInserted ? ok(info("+CPIN", "READY"))
                    : new ExchangeResult(List.of(), FinalResult.CmeError.of(FinalResult.CmeError.Kind.CME, 10));
            case Cellular.Iccid c when c.command().equals("+ICCID") -> simInserted
                    ? ok(info("+ICCID", "8986001234567890123F"))
                    : new ExchangeResult(List.of(), FinalResult.CmeError.of(FinalResult.CmeError.Kind.CME, 10));
            case Cellular.Iccid c -> error();
            case Cellular.Imsi c -> ok(new Information.TextLine("460001234567890"));
            case Cellular.PdpContexts c -> ok(info("+CGDCONT", "1", "IP", "cmnet", "", "0", "0"));
            case Cellular.PdpAddresses c -> ok(info("+CGPADDR", "1", "10.0.0.9"));
            default -> error();
        };
    }

    @Test
    void olderFirmwareFormsAreFoundOnceAndRemembered() {
        module = command -> olderFirmware(command, true);

        CellularStatus first = reader.read();

        assertThat(first.registration()).isEqualTo(new CellularStatus.Registration(
                RegistrationState.REGISTERED_ROAMING, "+CREG", null, null, null));
        assertThat(first.signal()).isEqualTo(new CellularStatus.Signal(-93, 0, null, null));
        assertThat(first.iccid()).isEqualTo("8986001234567890123F");
        assertThat(first.imsi()).isEqualTo("460001234567890");
        assertThat(first.operator().name()).isEqualTo("46000");
        assertThat(first.pdpContexts()).containsExactly(new CellularStatus.PdpContext(1, "IP", "cmnet",
                List.of("10.0.0.9")));
        assertThat(first.unavailable()).isEmpty();
        assertThat(sent).contains("AT+CESQ", "AT+CEREG?", "AT+CREG?", "AT+MCCID", "AT+ICCID");

        sent.clear();
        reader.read();
        assertThat(sent).doesNotContain("AT+CESQ", "AT+CEREG?", "AT+MCCID").contains("AT+CREG?", "AT+ICCID");
    }

    @Test
    void aRemovedSimIsReportedAsAChange() {
        module = command -> olderFirmware(command, true);
        reader.read();
        module = command -> olderFirmware(command, false);

        CellularStatus noSim = reader.read();

        assertThat(noSim.sim()).isEqualTo(SimState.NOT_INSERTED);
        assertThat(noSim.iccid()).isNull();
        assertThat(noSim.unavailable().get("iccid")).startsWith("+CME ERROR: 10");
        List<String> changes = events.stream().filter(ModuleEvent.CellularStatusRead.class::isInstance)
                .map(e -> ((ModuleEvent.CellularStatusRead) e).change()).toList();
        assertThat(changes).hasSize(2);
        assertThat(changes.get(1)).contains("registration REGISTERED_ROAMING→NOT_REGISTERED", "attached true→false",
                "sim READY→NOT_INSERTED", "iccid 8986001234567890123F→null");
        assertThat(reader.latest()).contains(noSim);
    }
}
