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
import io.mipgate.module.job.JobView;
import io.mipgate.module.request.ConnectionConfig;
import io.mipgate.module.request.ConnectionSetting;
import io.mipgate.module.request.DnsConfig;
import io.mipgate.module.request.DnsLookup;
import io.mipgate.module.request.DnsSetting;
import io.mipgate.module.request.KeepAlive;
import io.mipgate.module.request.ModuleCapabilities;
import io.mipgate.module.request.NtpRequest;
import io.mipgate.module.request.PingRequest;
import io.mipgate.module.request.RawCommandPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What operators can ask of one module. Every operation is a job on the module's worker; results that the module
 * reports by URC (open, close, ping, DNS, NTP) complete later with their own deadlines while the queue moves on.
 */
public final class ModuleClient {

    private static final Duration RETRY_PAUSE = Duration.ofMillis(500);

    private final ModuleWorker worker;
    private final ModuleState state;
    private final ConnectionOps connections;
    private final DataCallOps dataCall;
    private final CellularOps cellular;

    public ModuleClient(ModuleWorker worker) {
        this.worker = worker;
        this.state = worker.state;
        this.connections = new ConnectionOps(worker.context, worker.sampler, worker.flow, worker::session);
        this.dataCall = new DataCallOps(worker.context);
        this.cellular = new CellularOps(worker, this);
    }

    /** Signal, registration, SIM and PDP status, and the operator's controls of the module. */
    public CellularOps cellular() {
        return cellular;
    }

    public String id() {
        return worker.id();
    }

    public ModuleSnapshot snapshot() {
        return worker.snapshot();
    }

    /** Queued, running and recently finished jobs, each with its command and outcome. */
    public List<JobView> jobs() {
        return worker.queue.jobs();
    }

    /** Withdraws a queued job; a running or finished one is returned unchanged, an unknown one is empty. */
    public Optional<JobView> cancelJob(long jobId) {
        return worker.queue.cancel(jobId);
    }

    public ModuleCapabilities capabilities() {
        ModelProfile profile = state.profile();
        return new ModuleCapabilities(profile.name(), profile.connectIds().min(), profile.connectIds().max(),
                profile.transparent(), profile.sack(), profile.send().raiOnUdp(), profile.send().seq(),
                ModelProfile.NTP_SERVER_DEFAULT);
    }

    /** Checks the request against the model before queueing; a gateway-picked id is checked as the lowest one. */
    public CompletableFuture<ConnectionSnapshot> open(OpenRequest request) {
        return connections.open(request);
    }

    public CompletableFuture<SendResult> send(int connectId, byte[] data, SendOptions options) {
        return connections.send(connectId, data, options);
    }

    /** Takes up to {@code max} received bytes of a connection; each byte is delivered once. */
    public byte[] read(int connectId, int max) {
        return connections.read(connectId, max).data();
    }

    /** As {@link #read}, with the bytes' place in the connection's stream. */
    public ReceivedWindow take(int connectId, int max) {
        return connections.read(connectId, max);
    }

    /**
     * A read the client confirms: acknowledges every byte before {@code offset} and returns up to {@code max} bytes
     * from there without taking them, so a lost response loses nothing.
     *
     * @param generation the connection the offset belongs to, or null for the one now on the id
     */
    public ReceivedWindow confirmedRead(int connectId, long offset, int max, Long generation) {
        return connections.confirmedRead(connectId, offset, max, generation);
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

    public CompletableFuture<List<ConnectionConfig>> config(MipCfgOption option, Integer connectId) {
        MipCfg.Query query = validated(new MipCfg.Query(option, connectId));
        return user("AT+MIPCFG", () -> worker.context.exec(query).orThrow(id(), "AT+MIPCFG")
                .lines(Information.MipCfgLine.class).stream()
                .map(line -> new ConnectionConfig(line.option(), line.id(), line.values())).toList());
    }

    public CompletableFuture<Void> configure(ConnectionSetting setting) {
        MipCfg.Setting command = validated(command(setting));
        if (setting instanceof ConnectionSetting.ReceiveBuffer buffer) {
            requireNotEstablished(buffer.connectId());
        }
        return user("AT+MIPCFG", () -> {
            if (setting instanceof ConnectionSetting.ReceiveBuffer buffer) {
                requireNotEstablished(buffer.connectId());
            }
            worker.context.exec(command, null, () -> SettingEffects.applied(worker.table, command)).orThrow(id(), command.describe());
            state.locked(() -> state.remember("MIPCFG/" + command.option() + "/" + command.connectId(), command));
            return null;
        });
    }

    /** The receive buffer is set before the connection is established (AT-REFERENCE 2.1.1). */
    private void requireNotEstablished(int connectId) {
        if (!worker.table.inspect(connectId, ConnectionSlot::isFree)) {
            throw new ModuleException.StateConflict(id(), "rcvbuf of connect_id " + connectId + " of module " + id()
                    + " is set before the connection is opened; it is " + worker.table.snapshot(connectId).state());
        }
    }

    /** Keep-alive of one connection, or of every connection when {@code connectId} is null. */
    public CompletableFuture<List<KeepAlive>> keepAlive(Integer connectId) {
        AtCommand command = connectId == null ? new MipTka.Read() : validated(new MipTka.Query(connectId));
        return user("AT+MIPTKA", () -> worker.context.exec(command).orThrow(id(), "AT+MIPTKA")
                .lines(Information.MipTkaLine.class).stream()
                .map(line -> new KeepAlive(line.id(), line.keepAlive(), line.idle(), line.interval(), line.count()))
                .toList());
    }

    public CompletableFuture<Void> configureKeepAlive(KeepAlive setting) {
        MipTka.Set command = validated(command(setting));
        return user("AT+MIPTKA", () -> {
            worker.context.exec(command).orThrow(id(), command.describe());
            state.locked(() -> state.remember("MIPTKA/" + command.connectId(), command));
            return null;
        });
    }

    public CompletableFuture<List<DnsConfig>> dnsConfig(DnsCfgOption option) {
        MdnsCfg.Query query = validated(new MdnsCfg.Query(option));
        return user("AT+MDNSCFG", () -> worker.context.exec(query).orThrow(id(), "AT+MDNSCFG")
                .lines(Information.MdnsCfgLine.class).stream()
                .map(line -> new DnsConfig(line.option(), servers(line))).toList());
    }

    /** ML307 prints its servers as {@code "a1",,"a2"} (FIELD-NOTES §9): the empty field between them is no server. */
    private static List<String> servers(Information.MdnsCfgLine line) {
        boolean servers = line.option() == DnsCfgOption.IP || line.option() == DnsCfgOption.IPV6;
        return servers ? line.values().stream().filter(value -> !value.isBlank()).toList() : line.values();
    }

    public CompletableFuture<Void> configureDns(DnsSetting setting) {
        MdnsCfg.Setting command = validated(command(setting));
        return user("AT+MDNSCFG", () -> {
            worker.context.exec(command).orThrow(id(), command.describe());
            if (!state.profile().dns().persistent()) {
                state.locked(() -> state.remember("MDNSCFG/" + command.option(), command));
            }
            return null;
        });
    }

    // ---- the data call (FIELD-NOTES §5) ----

    /** The PDP context as last read from the module. */
    public DataCallState dataCall() {
        return state.dataCall();
    }

    /** Reads the PDP context from the module. */
    public CompletableFuture<DataCallState> readDataCall() {
        return user("AT+MIPCALL?", dataCall::read);
    }

    /** Brings the PDP context up (with the configured APN, else the SIM's) unless it is. */
    public CompletableFuture<DataCallState> activateDataCall() {
        return user("AT+MIPCALL", dataCall::activate);
    }

    /** Takes the PDP context down: every connection of the module ends. */
    public CompletableFuture<DataCallState> deactivateDataCall() {
        return user("AT+MIPCALL", dataCall::deactivate);
    }

    // ---- network services of the module ----

    public CompletableFuture<List<String>> resolve(DnsLookup lookup) {
        return async("AT+MDNSGIP", new MdnsGip(lookup.domain(), lookup.cid()),
                () -> worker.pending.expectDns(lookup.domain()),
                worker.pending::forgetDns, state.profile().quirks().firstDnsRetryCodes());
    }

    public CompletableFuture<PingOutcome> ping(PingRequest request) {
        MPing command = new MPing(request.host(), request.timeoutSeconds(), request.count(), request.packetLength(),
                request.cid());
        return async("AT+MPING", command, () -> worker.pending.expectPing(command.expectedEchoes()),
                worker.pending::forgetPing, java.util.Set.of()).thenApply(outcome -> {
            state.publish(new io.mipgate.module.event.ModuleEvent.PingCompleted(id(), state.now(), command.host(),
                    outcome.echoes(), outcome.sent(), outcome.lost(), outcome.rttMinMs(), outcome.rttMaxMs(),
                    outcome.rttAvgMs()));
            return outcome;
        });
    }

    public CompletableFuture<NtpOutcome> ntp(NtpRequest request) {
        // the bare AT+MNTP takes every default; naming any option needs the server named too
        String server = request.server() != null || !request.hasOptions() ? request.server()
                : ModelProfile.NTP_SERVER_DEFAULT;
        MNtp command = new MNtp(server, request.port(), request.sync(), request.timeoutSeconds());
        return async("AT+MNTP", command, worker.pending::expectNtp, worker.pending::forgetNtp, java.util.Set.of())
                .thenApply(outcome -> {
            state.publish(new io.mipgate.module.event.ModuleEvent.NtpCompleted(id(), state.now(),
                    command.server() == null ? ModelProfile.NTP_SERVER_DEFAULT : command.server(), outcome.result(),
                    outcome.time()));
            return outcome;
        });
    }

    /**
     * An administrator's raw command line, validated to stay one command, with every line of the answer. Lines that
     * would change state the driver keeps in step with the module are refused before anything is queued.
     */
    public CompletableFuture<RawResponse> raw(String line, Duration timeout) {
        RawCommand.validate(line);
        RawCommandPolicy.driverOperation(line).ifPresent(operation -> {
            throw new ModuleException.StateConflict(id(), "a raw " + line + " would " + operation.effect()
                    + " behind the driver of module " + id());
        });
        RawCommand command = new RawCommand(line, timeout);
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

    private static MipCfg.Setting command(ConnectionSetting setting) {
        return switch (setting) {
            case ConnectionSetting.PdpContext s -> new MipCfg.Cid(s.connectId(), s.cid());
            case ConnectionSetting.Encoding s -> new MipCfg.Encoding(s.connectId(), s.sendFormat(), s.recvFormat());
            case ConnectionSetting.SendTimeout s -> new MipCfg.SendTimeout(s.connectId(), s.seconds());
            case ConnectionSetting.AutoFree s -> new MipCfg.AutoFree(s.connectId(), s.hostReleases());
            case ConnectionSetting.SendBuffer s -> new MipCfg.SendBuffer(s.connectId(), s.bytes());
            case ConnectionSetting.ReceiveBuffer s -> new MipCfg.ReceiveBuffer(s.connectId(), s.bytes());
            case ConnectionSetting.AckMode s -> new MipCfg.AckMode(s.connectId(), s.enabled());
            case ConnectionSetting.Ssl s -> new MipCfg.Ssl(s.connectId(), s.enabled(), s.sslId());
        };
    }

    private static MipTka.Set command(KeepAlive setting) {
        return new MipTka.Set(setting.connectId(), setting.enabled(), setting.idleSeconds(),
                setting.intervalSeconds(), setting.count());
    }

    private static MdnsCfg.Setting command(DnsSetting setting) {
        return switch (setting) {
            case DnsSetting.Servers s -> new MdnsCfg.Servers(s.ipv6(), s.primary(), s.secondary());
            case DnsSetting.Priority s -> new MdnsCfg.Priority(s.ipv6First());
            case DnsSetting.Cache s -> new MdnsCfg.Cache(s.disabled(), s.periodSeconds());
            case DnsSetting.Timeout s -> new MdnsCfg.Timeout(s.seconds(), s.retries());
        };
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

    /**
     * Encodes the command against the model once, before it is queued, and discards the bytes: the encoder is the one
     * place that knows ranges, quoting and what the model has.
     */
    private <C extends AtCommand> C validated(C command) {
        command.encode(state.profile());
        return command;
    }

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
        validated(command);
        Duration deadline = command.asyncResult(state.profile()).orElseThrow().deadline();
        return user(name, () -> {
            CompletableFuture<T> result = state.locked(register);
            try {
                ExchangeResult answer = worker.context.exec(command);
                for (int retry = 0; retry < state.profile().quirks().firstDnsRetries() && answer.errorCode() != null
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
