package io.mipgate.module;

import io.mipgate.domain.AccessMode;
import io.mipgate.domain.MipCfgOption;
import io.mipgate.domain.Protocol;
import io.mipgate.domain.RecvFormat;
import io.mipgate.domain.SendFormat;
import io.mipgate.at.command.AtCommand;
import io.mipgate.at.command.Basic;
import io.mipgate.at.command.MipCfg;
import io.mipgate.at.command.MipMode;
import io.mipgate.at.command.MipRd;
import io.mipgate.at.command.MipSack;
import io.mipgate.at.command.MipState;
import io.mipgate.at.decode.Information;
import io.mipgate.at.model.ModelFamily;
import io.mipgate.at.model.ModelProfile;
import io.mipgate.at.model.ModelProfiles;
import io.mipgate.module.connection.ConnectionSlot;
import io.mipgate.module.event.ModuleEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sequences the worker runs on its own: start-up (probe, echo off, numeric errors, identity, adoption of live
 * connections), reconciliation with AT+MIPSTATE?, ACK sampling and buffer-mode reads. Re-run in full after every
 * reopen and every module reboot (ModemManager's rule).
 */
final class ModuleInitializer {

    private static final Logger log = LoggerFactory.getLogger(ModuleInitializer.class);
    private static final int PROBE_ATTEMPTS = 10;

    private final ModuleWorker worker;
    private final ModuleState state;
    private java.time.Instant nextSack = java.time.Instant.MIN;
    private java.time.Instant nextReconcile = java.time.Instant.MIN;

    ModuleInitializer(ModuleWorker worker) {
        this.worker = worker;
        this.state = worker.state;
    }

    void initialise() {
        worker.session().drain(Duration.ofMillis(200));
        probe();
        worker.exec(new Basic.Echo(false));
        worker.exec(new Basic.ErrorReporting(1));
        identify();
        reapplySettings();
        reconcile();
        state.locked(() -> state.slots().forEach(this::tellDecoder));
    }

    /** Settings live for one power cycle only (AT-REFERENCE §1.5): put back what operators configured. */
    private void reapplySettings() {
        for (AtCommand setting : state.locked(state::rememberedSettings)) {
            try {
                worker.exec(setting).orThrow(state.id, setting.describe());
            } catch (ModuleException | IllegalArgumentException e) {
                log.warn("module={} could not re-apply {}: {}", state.id, setting.describe(), e.getMessage());
            }
        }
    }

    private void probe() {
        for (int attempt = 1; attempt <= PROBE_ATTEMPTS; attempt++) {
            try {
                if (worker.exec(new Basic.Attention()).ok()) {
                    return;
                }
            } catch (ModuleException.ModuleTimeout timeout) {
                log.debug("module={} no answer to AT (attempt {})", state.id, attempt);
            }
        }
        throw new ModuleException.ModuleTimeout(state.id, "AT (" + PROBE_ATTEMPTS + " probes)");
    }

    private void identify() {
        List<String> ati = textLines(worker.exec(new Basic.Identify()));
        List<String> cgmr = textLines(worker.exec(new Basic.FirmwareRevision()));
        String firmware = cgmr.isEmpty() ? null : cgmr.get(cgmr.size() - 1);
        Optional<ModelFamily> seen = ModelFamily.identify(String.join(" ", ati) + " " + (firmware == null ? "" : firmware));
        ModelFamily family = worker.settings.model().or(() -> seen).orElseThrow(() -> new IllegalStateException(
                "module " + state.id + " could not be identified from ATI/AT+CGMR " + ati + " " + cgmr
                        + ": set mipgate.modules[].model"));
        if (worker.settings.model().isPresent() && seen.isPresent() && seen.get() != family) {
            log.warn("module={} configured as {} but identifies as {}; using the configuration", state.id, family,
                    seen.get());
        }
        String imei = readImei();
        ModelProfile profile = ModelProfiles.of(family);
        String model = seen.map(ModelFamily::displayName).orElse(family.displayName());
        state.locked(() -> {
            state.profile(profile);
            state.identity(model, firmware, imei);
        });
        log.info("module={} identified model={} firmware={} profile={}", state.id, model, firmware, family);
        state.publish(new ModuleEvent.Identified(state.id, state.now(), model, firmware, imei));
    }

    private String readImei() {
        try {
            ExchangeResult result = worker.exec(new Basic.SerialNumber(true));
            return result.lines(Information.GenericInfo.class).stream().filter(g -> g.prefix().equals("+CGSN"))
                    .flatMap(g -> g.fields().stream()).findFirst().map(f -> f.replace("\"", "")).orElse(null);
        } catch (ModuleException e) {
            log.debug("module={} no IMEI: {}", state.id, e.getMessage());
            return null;
        }
    }

    private static List<String> textLines(ExchangeResult result) {
        return result.lines(Information.TextLine.class).stream().map(Information.TextLine::text)
                .filter(t -> !t.isBlank()).toList();
    }

    /**
     * Brings the slots in line with AT+MIPSTATE?: adopts connections open on the module (a gateway restart must not
     * lose them) and closes the ones the module no longer has. All known connections gone at once means the module
     * rebooted without us seeing its banner.
     */
    void reconcile() {
        ExchangeResult result = worker.exec(new MipState.Read()).orThrow(state.id, "AT+MIPSTATE?");
        List<Integer> adopted = new ArrayList<>();
        boolean reset = state.locked(() -> {
            List<ConnectionSlot> vanished = new ArrayList<>();
            long believedOpen = state.slots().stream().filter(s -> s.state() == ConnectionState.CONNECTED).count();
            for (Information.MipStateLine line : result.lines(Information.MipStateLine.class)) {
                ConnectionSlot slot = state.slot(line.id());
                if (slot == null) {
                    continue;
                }
                ConnectionState moduleState = ConnectionState.parse(line.state());
                if (moduleState.isOpen() && !slot.state().isOpen() && slot.state() != ConnectionState.CLOSING) {
                    slot.adopt(line.protocolOrNull(), line.address(), line.port() == null ? 0 : line.port(),
                            moduleState, state.now());
                    worker.router().moveTo(slot, moduleState, "adopted from the module");
                    adopted.add(line.id());
                } else if (slot.state() == ConnectionState.CONNECTED
                        && (moduleState == ConnectionState.INITIAL || moduleState == ConnectionState.CLOSED)) {
                    vanished.add(slot);
                }
            }
            if (!vanished.isEmpty() && vanished.size() == believedOpen && state.status() == ModuleStatus.UP) {
                return true;
            }
            vanished.forEach(slot -> worker.router().moveTo(slot, ConnectionState.CLOSED, "gone on reconciliation"));
            return false;
        });
        if (reset) {
            log.warn("module={} every connection vanished on reconciliation: treating it as a module reset", state.id);
            worker.flagReset();
            return;
        }
        adopted.forEach(this::learnSettings);
    }

    /** Mode and encoding of an adopted connection, so its data is decoded the way the module prints it. */
    private void learnSettings(int connectId) {
        try {
            var mode = worker.exec(new MipMode.Query(connectId)).lines(Information.MipModeLine.class);
            var encoding = worker.exec(new MipCfg.Query(MipCfgOption.ENCODING, connectId)).lines(Information.MipCfgLine.class);
            state.locked(() -> {
                ConnectionSlot slot = state.slot(connectId);
                mode.stream().findFirst().ifPresent(m -> slot.mode(m.mode()));
                encoding.stream().filter(e -> e.id() == connectId && e.values().size() >= 2).findFirst().ifPresent(e ->
                        slot.formats(SendFormat.ofCode(Integer.parseInt(e.values().get(0).trim())),
                                RecvFormat.ofCode(Integer.parseInt(e.values().get(1).trim()))));
                tellDecoder(slot);
            });
            if (state.slot(connectId).mode().isBuffered()) {
                worker.exec(new MipRd.Query(connectId)).lines(Information.MipRdQueryLine.class).stream().findFirst()
                        .ifPresent(q -> state.locked(() -> {
                            state.slot(connectId).moduleUnread(q.unread());
                            worker.flow().scheduleRead(connectId);
                        }));
            }
        } catch (ModuleException | IllegalArgumentException e) {
            log.warn("module={} connect_id={} settings of adopted connection unknown: {}", state.id, connectId,
                    e.getMessage());
        }
    }

    /** Periodic work while the line is idle: reconciliation with AT+MIPSTATE? and AT+MIPSACK sampling. */
    void maintain() {
        if (state.status() != ModuleStatus.UP || state.bridgedConnectId() != null) {
            return;
        }
        java.time.Instant now = state.now();
        ModuleSettings settings = worker.settings;
        if (!settings.reconcileInterval().isZero() && now.isAfter(nextReconcile)) {
            nextReconcile = now.plus(settings.reconcileInterval());
            quietly(this::reconcile);
        }
        if (!settings.sackInterval().isZero() && now.isAfter(nextSack) && state.profile().sack()) {
            nextSack = now.plus(settings.sackInterval());
            quietly(this::sampleAcks);
        }
    }

    private void quietly(Runnable task) {
        try {
            task.run();
        } catch (ModuleException | io.mipgate.domain.InvalidParameterException e) {
            log.debug("module={} maintenance: {}", state.id, e.getMessage());
        }
    }

    void tellDecoder(ConnectionSlot slot) {
        worker.session().decoder().connection(slot.connectId(), slot.mode(), slot.recvFormat());
    }

    void sampleAcks() {
        List<ConnectionSlot> tcp = state.locked(() -> state.slots().stream()
                .filter(s -> s.state() == ConnectionState.CONNECTED && s.protocol() == Protocol.TCP
                        && s.mode() != AccessMode.TRANSPARENT)
                .toList());
        for (ConnectionSlot slot : tcp) {
            sample(slot.connectId());
        }
    }

    SackSample sample(int connectId) {
        var line = worker.exec(new MipSack(connectId)).orThrow(state.id, "AT+MIPSACK")
                .lines(Information.MipSackLine.class).stream().findFirst()
                .orElseThrow(() -> new ModuleException.ModuleTimeout(state.id, "+MIPSACK line"));
        SackSample sample = new SackSample(state.now(), line.sent(), line.acked(), line.nack(), line.received());
        state.locked(() -> {
            ConnectionSlot slot = state.slot(connectId);
            slot.lastSack(sample);
            state.publish(new ModuleEvent.SackSampled(state.id, sample.at(), connectId, slot.protocol(), sample.sent(),
                    sample.acked(), sample.nack(), sample.received()));
        });
        return sample;
    }

    /** One AT+MIPRD sized to the room left in the gateway buffer and to the model's largest read. */
    void readBuffered(int connectId) {
        ConnectionSlot slot = state.slot(connectId);
        ModelProfile profile = state.profile();
        int free = slot.receiveBuffer().free();
        if (free == 0 || slot.moduleUnread() == 0) {
            return;
        }
        MipRd.Read read;
        if (slot.protocol() == Protocol.UDP) {
            int count = profile.receive().multiPacketRead()
                    ? (int) Math.max(1, Math.min(slot.moduleUnread(), free / 1500)) : 1;
            read = MipRd.Read.packets(connectId, count);
        } else {
            int max = profile.receive().readLength().max();
            read = MipRd.Read.bytes(connectId, (int) Math.min(Math.min(free, max), slot.moduleUnread()));
        }
        ExchangeResult result = worker.exec(read).orThrow(state.id, "AT+MIPRD");
        if (result.lines(Information.MipRdDataLine.class).isEmpty()) {
            state.locked(() -> slot.moduleUnread(0));
        }
    }
}
