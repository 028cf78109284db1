package io.mipgate.emulator;

import static io.mipgate.emulator.AtCommand.Form.EXEC;
import static io.mipgate.emulator.AtCommand.Form.READ;
import static io.mipgate.emulator.AtCommand.Form.SET;
import static io.mipgate.emulator.AtCommand.Form.TEST;

import io.mipgate.emulator.model.CellularFacts;
import io.mipgate.emulator.model.ParamRange;
import java.util.List;
import java.util.Map;

/**
 * The 3GPP status and control commands (forms from 3GPP TS 27.007; the TCP/IP manual is silent on them): signal,
 * registration, attach, operator, SIM identity and functionality (PDP contexts are {@link DataCallCommands}'). Answers
 * follow the
 * {@link NetworkConditions} an operator sets and the module's own AT+CFUN; a missing SIM answers CME 10 wherever the
 * SIM is read (FIELD-NOTES §3). AT+CREG? and AT+CCID stay unknown (bare ERROR) as on ML307R/C (FIELD-NOTES §3).
 */
final class CellularCommands {

    private static final int SIM_NOT_INSERTED = 10;
    private static final ParamRange FUN = ParamRange.of(0, 4);
    private static final ParamRange RST = ParamRange.of(0, 1);

    private final ModuleCore core;
    private final CellularFacts facts;
    private final NetworkConditions network;

    CellularCommands(ModuleCore core) {
        this.core = core;
        this.facts = CellularFacts.of(core.model.family());
        this.network = core.conditions;
    }

    void register(Map<String, CommandHandler> handlers) {
        handlers.put("+CSQ", this::csq);
        if (facts.extendedSignalQuality()) {
            handlers.put("+CESQ", this::cesq);
        }
        handlers.put("+CEREG", this::cereg);
        handlers.put("+CGATT", this::cgatt);
        handlers.put("+COPS", this::cops);
        handlers.put("+CPIN", this::cpin);
        handlers.put("+CIMI", c -> only(c, EXEC).line(sim().imsi()));
        for (String iccid : facts.iccidCommands()) {
            handlers.put(iccid, c -> only(c, EXEC).line(iccid + ": " + sim().iccid()));
        }
        handlers.put("+CFUN", this::cfun);
    }

    private static Reply only(AtCommand command, AtCommand.Form form) {
        if (command.form() != form) {
            throw AtError.plain();
        }
        return Reply.ok();
    }

    private NetworkConditions.Sim sim() {
        NetworkConditions.Sim sim = network.sim();
        if (sim == null) {
            throw AtError.cme(SIM_NOT_INSERTED);
        }
        return sim;
    }

    private boolean radioOn() {
        return core.state().cfun == 1;
    }

    /** The {@code <stat>} the module reports: nothing without radio or SIM, otherwise the network's verdict. */
    private int stat() {
        return radioOn() && network.sim() != null ? network.registration() : 0;
    }

    private boolean registered() {
        return core.registered();
    }

    private Reply csq(AtCommand command) {
        if (command.form() == TEST) {
            return Reply.ok().line("+CSQ: (0-31,99),(0-7,99)");
        }
        only(command, EXEC);
        Integer rssi = radioOn() ? network.signal().rssiDbm() : null;
        int index = rssi == null ? 99 : Math.max(0, Math.min(31, (rssi + 113) / 2));
        return Reply.ok().line("+CSQ: " + index + "," + (rssi == null ? 99 : 0));
    }

    private Reply cesq(AtCommand command) {
        only(command, EXEC);
        NetworkConditions.Signal signal = network.signal();
        if (!radioOn() || signal.rssiDbm() == null) {
            return Reply.ok().line("+CESQ: 99,99,255,255,255,255");
        }
        int rsrq = (int) Math.max(0, Math.min(34, Math.round((signal.rsrqDb() + 20) * 2)));
        int rsrp = Math.max(0, Math.min(97, signal.rsrpDbm() + 141));
        return Reply.ok().line("+CESQ: 99,99,255,255," + rsrq + "," + rsrp);
    }

    private Reply cereg(AtCommand command) {
        return switch (command.form()) {
            case TEST -> Reply.ok().line("+CEREG: (0-2)");
            case READ -> {
                int n = core.state().ceregReporting;
                int stat = stat();
                String location = n == 2 && registered()
                        ? ",\"58BC\",\"0C03A143\"," + facts.accessTechnology() : "";
                yield Reply.ok().line("+CEREG: " + n + "," + stat + location);
            }
            case SET -> {
                List<AtCommand.Param> p = command.params();
                AtCommand.maxParams(p, 1);
                core.state().ceregReporting = AtCommand.integer(p, 0, ParamRange.of(0, 2));
                yield Reply.ok();
            }
            default -> throw AtError.plain();
        };
    }

    private Reply cgatt(AtCommand command) {
        return switch (command.form()) {
            case TEST -> Reply.ok().line("+CGATT: (0-1)");
            case READ -> Reply.ok().line("+CGATT: " + (registered() ? 1 : 0));
            default -> throw AtError.plain();
        };
    }

    private Reply cops(AtCommand command) {
        only(command, READ);
        // unregistered: the mode alone, as seen on ML307R (FIELD-NOTES §4: "+COPS: 0")
        return Reply.ok().line(registered()
                ? "+COPS: 0,0,\"" + network.operatorName() + "\"," + facts.accessTechnology()
                : "+COPS: 0");
    }

    private Reply cpin(AtCommand command) {
        only(command, READ);
        sim();
        return Reply.ok().line("+CPIN: READY");
    }

    private Reply cfun(AtCommand command) {
        return switch (command.form()) {
            case TEST -> Reply.ok().line("+CFUN: (0,1,4),(0-1)");
            case READ -> Reply.ok().line("+CFUN: " + core.state().cfun);
            case SET -> {
                List<AtCommand.Param> p = command.params();
                AtCommand.maxParams(p, 2);
                int fun = AtCommand.integer(p, 0, FUN);
                if (fun == 2 || fun == 3) {
                    throw AtError.badParameters();
                }
                int reset = AtCommand.integer(p, 1, RST, 0);
                core.state().cfun = fun;
                Reply reply = Reply.ok().then(core::radioWorldChanged);
                if (reset == 1) {
                    reply.then(() -> {
                        core.out.line("REBOOTING");
                        core.boot();
                    });
                }
                yield reply;
            }
            default -> throw AtError.plain();
        };
    }
}
