package io.mipgate.module;

import io.mipgate.domain.AccessMode;
import io.mipgate.domain.CloseMode;
import io.mipgate.domain.DnsCfgOption;
import io.mipgate.domain.MipCfgOption;
import io.mipgate.domain.ModuleErrorCode;
import io.mipgate.at.command.AtCommand;
import io.mipgate.at.command.MdnsCfg;
import io.mipgate.at.command.MdnsGip;
import io.mipgate.at.command.MipCfg;
import io.mipgate.at.command.MipTka;
import io.mipgate.at.command.MNtp;
import io.mipgate.at.command.MPing;
import io.mipgate.at.command.RawCommand;
import io.mipgate.at.decode.FinalResult;
import io.mipgate.at.decode.Information;
import io.mipgate.at.model.ModelProfile;
import io.mipgate.module.job.JobPriority;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What operators can ask of one module. Every operation is a job on the module's worker; results that the module
 * reports by URC (open, close, ping, DNS, NTP) complete later with their own deadlines while the queue moves on.
 */
public final class ModuleClient {

    /** The first AT+MDNSGIP after a boot often fails with 580/581 while the module settles (FIELD-NOTES §10). */
    private static final java.util.Set<Integer> FIRST_DNS_AFTER_BOOT = java.util.Set.of(
            ModuleErrorCode.DNS_FAILED_OR_BAD_IP_FORMAT.code(), ModuleErrorCode.DNS_BUSY.code());
    private static final int COMMAND_RETRIES = 2;
    private static final Duration RETRY_PAUSE = Duration.ofMillis(500);

    private final ModuleWorker worker;
    private final ModuleState state;
    private final ConnectionOps connections;

    public ModuleClient(ModuleWorker worker) {
        this.worker = worker;
        this.state = worker.state;
        this.connections = new ConnectionOps(worker.context, worker.sampler, worker.flow, worker::session);
    }

    public String id() {
        return worker.id();
    }

    public ModuleSnapshot snapshot() {
        return worker.snapshot();
    }

    public ModelProfile profile() {
        return state.profile();
    }

    public CompletableFuture<ConnectionSnapshot> open(OpenRequest request) {
        return connections.open(request);
    }

    public CompletableFuture<SendResult> send(int connectId, byte[] data, SendOptions options) {
        return connections.send(connectId, data, options);
    }

    /** Takes up to {@code max} received bytes of a connection; each byte is delivered once. */
    public byte[] read(int connectId, int max) {
        return connections.read(connectId, max);
    }

    public CompletableFuture<CloseOutcome> close(int connectId, CloseMode mode) {
        return connections.close(connectId, mode);
    }

    public CompletableFuture<ConnectionSnapshot> setMode(int connectId, AccessMode mode) {
        return connections.setMode(connectId, mode);
    }

    public ConnectionSnapshot connection(int connectId) {
        return worker.table.snapshot(connectId);
    }

    /** Reconciles one connection with AT+MIPSTATE=<id> and returns it. */
    public CompletableFuture<ConnectionSnapshot> refresh(int connectId) {
        worker.table.requireKnown(connectId);
        return user("AT+MIPSTATE", () -> worker.reconciler.refresh(connectId));
    }

    public CompletableFuture<SackSample> sack(int connectId) {
        connections.requireOpen(connectId, "AT+MIPSACK");
        return user("AT+MIPSACK", () -> worker.sampler.sample(connectId));
    }

    // ---- configuration ----

    public CompletableFuture<List<Information.MipCfgLine>> config(MipCfgOption option, Integer connectId) {
        return user("AT+MIPCFG", () -> worker.context.exec(new MipCfg.Query(option, connectId)).orThrow(id(), "AT+MIPCFG")
                .lines(Information.MipCfgLine.class));
    }

    public CompletableFuture<Void> configure(MipCfg.Setting setting) {
        return user("AT+MIPCFG", () -> {
            worker.context.exec(setting, null, () -> SettingEffects.applied(worker.table, setting))
                    .orThrow(id(), setting.describe());
            state.locked(() -> state.remember("MIPCFG/" + setting.option() + "/" + setting.connectId(), setting));
            return null;
        });
    }

    public CompletableFuture<List<Information.MipTkaLine>> keepAlive(Integer connectId) {
        AtCommand command = connectId == null ? new MipTka.Read() : new MipTka.Query(connectId);
        return user("AT+MIPTKA", () -> worker.context.exec(command).orThrow(id(), "AT+MIPTKA").lines(Information.MipTkaLine.class));
    }

    public CompletableFuture<Void> keepAlive(MipTka.Set setting) {
        return user("AT+MIPTKA", () -> {
            worker.context.exec(setting).orThrow(id(), setting.describe());
            state.locked(() -> state.remember("MIPTKA/" + setting.connectId(), setting));
            return null;
        });
    }

    public CompletableFuture<List<Information.MdnsCfgLine>> dnsConfig(DnsCfgOption option) {
        return user("AT+MDNSCFG", () -> worker.context.exec(new MdnsCfg.Query(option)).orThrow(id(), "AT+MDNSCFG")
                .lines(Information.MdnsCfgLine.class));
    }

    public CompletableFuture<Void> dnsConfig(MdnsCfg.Setting setting) {
        return user("AT+MDNSCFG", () -> {
            worker.context.exec(setting).orThrow(id(), setting.describe());
            if (!state.profile().dns().persistent()) {
                state.locked(() -> state.remember("MDNSCFG/" + setting.option(), setting));
            }
            return null;
        });
    }

    // ---- network services of the module ----

    public CompletableFuture<List<String>> resolve(MdnsGip command) {
        return async("AT+MDNSGIP", command, () -> {
            if (worker.pending.dns != null) {
                throw new ModuleException.ModuleRefused(id(), "AT+MDNSGIP", ModuleErrorCode.DNS_BUSY.code(),
                        ModuleErrorCode.DNS_BUSY.name(), null);
            }
            worker.pending.dns = new CompletableFuture<>();
            return worker.pending.dns;
        }, () -> worker.pending.dns = null, FIRST_DNS_AFTER_BOOT);
    }

    public CompletableFuture<PingOutcome> ping(MPing command) {
        return async("AT+MPING", command, () -> {
            if (worker.pending.ping != null) {
                throw new ModuleException.ModuleRefused(id(), "AT+MPING", ModuleErrorCode.PING_BUSY.code(),
                        ModuleErrorCode.PING_BUSY.name(), null);
            }
            worker.pending.ping = new AsyncResults.PendingPing(command.expectedEchoes());
            return worker.pending.ping.result;
        }, () -> worker.pending.ping = null, java.util.Set.of()).thenApply(outcome -> {
            state.publish(new io.mipgate.module.event.ModuleEvent.PingCompleted(id(), state.now(), command.host(),
                    outcome.echoes(), outcome.sent(), outcome.lost(), outcome.rttMinMs(), outcome.rttMaxMs(),
                    outcome.rttAvgMs()));
            return outcome;
        });
    }

    public CompletableFuture<NtpOutcome> ntp(MNtp command) {
        return async("AT+MNTP", command, () -> {
            if (worker.pending.ntp != null) {
                throw new ModuleException.StateConflict(id(), "an AT+MNTP request is already running on " + id());
            }
            worker.pending.ntp = new CompletableFuture<>();
            return worker.pending.ntp;
        }, () -> worker.pending.ntp = null, java.util.Set.of()).thenApply(outcome -> {
            state.publish(new io.mipgate.module.event.ModuleEvent.NtpCompleted(id(), state.now(),
                    command.server() == null ? ModelProfile.NTP_SERVER_DEFAULT : command.server(), outcome.result(),
                    outcome.time()));
            return outcome;
        });
    }

    /** An administrator's raw command line, validated to stay one command, with every line of the answer. */
    public CompletableFuture<RawResponse> raw(String line, Duration timeout) {
        RawCommand command = new RawCommand(line, timeout);
        RawCommand.validate(line);
        return user("RAW", () -> {
            ExchangeResult result = worker.context.exec(command);
            List<String> lines = result.lines().stream().map(ModuleClient::render).toList();
            String finalLine = switch (result.result()) {
                case FinalResult.Ok ok -> "OK";
                case FinalResult.Error error -> "ERROR";
                case FinalResult.CmeError cme -> "+" + cme.kind() + " ERROR: "
                        + (cme.code().isPresent() ? cme.code().getAsInt() : cme.text());
            };
            return new RawResponse(lines, finalLine, result.ok());
        });
    }

    private static String render(Information line) {
        return switch (line) {
            case Information.TextLine text -> text.text();
            case Information.GenericInfo info -> info.prefix() + ": " + String.join(",", info.fields());
            case Information.TestLine test -> test.prefix() + ": " + String.join(",", test.fields());
            default -> line.toString();
        };
    }

    // ---- plumbing ----

    <T> CompletableFuture<T> user(String name, io.mipgate.module.job.Job.JobBody<T> body) {
        return worker.submit(name, JobPriority.USER, () -> {
            connections.requireNotBridged(name);
            return body.run();
        });
    }

    /**
     * Runs a command whose result comes by URC: registers the pending result before writing (the URC may follow the
     * OK at once), and unregisters it if the command itself fails.
     */
    private <T> CompletableFuture<T> async(String name, AtCommand command,
                                           java.util.function.Supplier<CompletableFuture<T>> register,
                                           Runnable unregister, java.util.Set<Integer> retryCodes) {
        Duration deadline = command.asyncResult(state.profile()).orElseThrow().deadline();
        return user(name, () -> {
            command.encode(state.profile());
            CompletableFuture<T> result = state.locked(register);
            try {
                ExchangeResult answer = worker.context.exec(command);
                for (int retry = 0; retry < COMMAND_RETRIES && answer.errorCode() != null
                        && retryCodes.contains(answer.errorCode()); retry++) {
                    LineSession.sleep(RETRY_PAUSE);
                    answer = worker.context.exec(command);
                }
                answer.orThrow(id(), command.describe());
            } catch (RuntimeException e) {
                state.locked(unregister);
                throw e;
            }
            result.whenComplete((value, failure) -> {
                if (failure != null) {
                    state.locked(unregister);
                }
            });
            return Deadlines.within(result, deadline, id(), command.describe() + " result");
        }).thenCompose(f -> f);
    }

}
