package io.mipgate.module;

import io.mipgate.at.command.AtCommand;
import io.mipgate.at.command.Basic;
import io.mipgate.at.command.MipCfg;
import io.mipgate.at.decode.Information;
import io.mipgate.at.model.ModelFamily;
import io.mipgate.at.model.ModelProfile;
import io.mipgate.at.model.ModelProfiles;
import io.mipgate.domain.MipCfgOption;
import io.mipgate.module.event.ModuleEvent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sequence that makes a freshly opened line usable: probe, echo off, numeric errors, identity, the settings
 * operators made, and the encoding of every id as the module has it. Re-run in full after every reopen and every
 * module reboot (ModemManager's rule); connections are reconciled after it by the {@link Reconciler}.
 */
final class StartupSequence {

    private static final Logger log = LoggerFactory.getLogger(StartupSequence.class);

    private static final byte[] ESCAPE = {'+', '+', '+'};
    private static final byte[] CR = {'\r'};

    private final WorkerContext context;
    private final LineRateAlignment lineRate;

    StartupSequence(WorkerContext context, LineRateAlignment lineRate) {
        this.context = context;
        this.lineRate = lineRate;
    }

    /**
     * @param rateMayDiffer whether the module may sit at another line rate than the link's: after a reopen, yes; after
     *                      it rebooted on this very line, no (the rate survives a reboot, FIELD-NOTES §2), so a module
     *                      slow to answer then is not sent on a search through every rate
     * @throws ModuleException.ModuleTimeout when the module never answers the probes (the line may be dead)
     */
    void run(LineSession line, boolean rateMayDiffer) {
        leaveDataMode(line);
        probe(rateMayDiffer);
        context.exec(new Basic.Echo(false)).orThrow(context.id, "ATE0");
        context.state.echoOff(true);
        context.exec(new Basic.ErrorReporting(1));
        identify();
        reapplySettings();
        readEncodings();
        bringUpDataCall();
    }

    /**
     * A module found after a gateway restart or a reopen may still be in transparent mode, where every byte written is
     * the peer's: {@code AT} probes would be sent as payload. So the line is first escaped as the manual prescribes
     * (guard time, {@code +++}, guard time) and the partial line closed with CR; in command mode that costs one
     * {@code ERROR}, in transparent mode it returns the module to commands without a stray byte.
     */
    private void leaveDataMode(LineSession line) {
        Duration guard = context.settings.escapeGuard();
        line.drain(guard.plus(Duration.ofMillis(200)));
        try {
            line.write(ESCAPE);
            line.drain(guard.plus(Duration.ofMillis(100)));
            line.write(CR);
        } catch (java.io.IOException e) {
            throw new ModuleException.ModuleUnavailable(context.id, ModuleStatus.DOWN, "write failed: " + e.getMessage());
        }
        line.drain(Duration.ofMillis(200));
    }

    /**
     * Where the module may sit at another line rate, one short probe decides whether to search for it before the
     * patient probing that gives a booting module time.
     */
    private void probe(boolean rateMayDiffer) {
        if (rateMayDiffer && lineRate.applies() && !answersShortProbe()) {
            try {
                if (lineRate.align()) {
                    return;
                }
            } catch (java.io.IOException e) {
                throw new ModuleException.ModuleUnavailable(context.id, ModuleStatus.DOWN,
                        "reopening at another line rate failed: " + e.getMessage());
            }
        }
        int probes = context.settings.recovery().probes();
        for (int attempt = 1; attempt <= probes; attempt++) {
            try {
                if (context.exec(new Basic.Attention()).ok()) {
                    return;
                }
            } catch (ModuleException.ModuleTimeout timeout) {
                log.debug("module={} no answer to AT (attempt {})", context.id, attempt);
            }
        }
        throw new ModuleException.ModuleTimeout(context.id, "AT (" + probes + " probes)");
    }

    private boolean answersShortProbe() {
        try {
            context.exec(new Basic.Attention(context.settings.lineRateSearch().probeTimeout()));
            return true;
        } catch (ModuleException.ModuleTimeout silent) {
            return false;
        }
    }

    private void identify() {
        List<String> ati = textLines(context.exec(new Basic.Identify()));
        List<String> cgmr = textLines(context.exec(new Basic.FirmwareRevision()));
        String firmware = cgmr.isEmpty() ? null : cgmr.get(cgmr.size() - 1);
        Optional<ModelFamily> configured = context.settings.model();
        Optional<ModelFamily> seen = ModelFamily.identify(String.join(" ", ati) + " " + (firmware == null ? "" : firmware));
        ModelFamily family = configured.or(() -> seen).orElseThrow(() -> new IllegalStateException(
                "module " + context.id + " could not be identified from ATI/AT+CGMR " + ati + " " + cgmr
                        + ": set mipgate.modules[].model"));
        if (configured.isPresent() && seen.isPresent() && seen.get() != family) {
            log.warn("module={} configured as {} but identifies as {}; using the configuration", context.id, family,
                    seen.get());
        }
        String imei = readImei();
        ModelProfile profile = ModelProfiles.of(family);
        String model = seen.map(ModelFamily::displayName).orElse(family.displayName());
        context.state.locked(() -> {
            context.state.profile(profile);
            context.state.identity(model, firmware, imei);
        });
        context.table.resize(profile.connectIds());
        log.info("module={} identified model={} firmware={} profile={}", context.id, model, firmware, family);
        context.state.publish(new ModuleEvent.Identified(context.id, context.state.now(), model, firmware, imei));
    }

    private String readImei() {
        try {
            ExchangeResult result = context.exec(new Basic.SerialNumber(true));
            return result.lines(Information.GenericInfo.class).stream().filter(g -> g.prefix().equals("+CGSN"))
                    .flatMap(g -> g.fields().stream()).findFirst().map(f -> f.replace("\"", "")).orElse(null);
        } catch (ModuleException e) {
            log.debug("module={} no IMEI: {}", context.id, e.getMessage());
            return null;
        }
    }

    private static List<String> textLines(ExchangeResult result) {
        return result.lines(Information.TextLine.class).stream().map(Information.TextLine::text)
                .filter(t -> !t.isBlank()).toList();
    }

    /** Settings live for one power cycle only (AT-REFERENCE §1.5): put back what operators configured. */
    private void reapplySettings() {
        for (AtCommand setting : context.state.locked(context.state::rememberedSettings)) {
            try {
                context.exec(setting, null, () -> SettingEffects.applied(context.table, setting))
                        .orThrow(context.id, setting.describe());
            } catch (ModuleException | IllegalArgumentException e) {
                log.warn("module={} could not re-apply {}: {}", context.id, setting.describe(), e.getMessage());
            }
        }
    }

    /**
     * A module that boots without an active PDP context cannot open sockets (FIELD-NOTES §5): read the context and
     * activate it, with the configured APN or the SIM's, unless an operator took it down. A module that cannot is
     * still usable for everything else, so a failure is logged, not fatal.
     */
    private void bringUpDataCall() {
        DataCallOps dataCall = new DataCallOps(context);
        try {
            DataCallState state = context.state.dataCallHeldDown() ? dataCall.read() : dataCall.activate();
            log.info("module={} data call cid={} active={} address={}", context.id, state.cid(), state.active(),
                    state.address());
        } catch (ModuleException | IllegalArgumentException e) {
            log.warn("module={} data call not brought up: {}", context.id, e.getMessage());
        }
    }

    /**
     * The encoding of every id as the module has it, so data is decoded the way the module prints it even when the
     * gateway restarted, or somebody changed it, while the module kept running.
     */
    private void readEncodings() {
        try {
            var lines = context.exec(new MipCfg.Query(MipCfgOption.ENCODING, null))
                    .orThrow(context.id, "AT+MIPCFG=\"encoding\"").lines(Information.MipCfgLine.class);
            lines.forEach(line -> SettingEffects.readBack(context.table, line));
        } catch (ModuleException | IllegalArgumentException e) {
            log.warn("module={} encodings unknown, assuming the power-on default: {}", context.id, e.getMessage());
        }
    }
}
