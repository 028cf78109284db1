package io.mipgate.emulator;

import static io.mipgate.emulator.AtCommand.Form.EXEC;
import static io.mipgate.emulator.AtCommand.Form.READ;
import static io.mipgate.emulator.AtCommand.Form.SET;
import static io.mipgate.emulator.AtCommand.Form.TEST;

import io.mipgate.emulator.model.ParamRange;
import io.mipgate.emulator.net.ModuleTimeFormat;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** AT, ATE, ATI, identity (AT+CGMI/CGMM/CGMR/CGSN), AT+CMEE, AT+CCLK? (AT+CPIN? is one of the {@link CellularCommands}), AT+MREBOOT. */
final class BasicCommands {

    private static final ParamRange CMEE = ParamRange.of(0, 2);

    private final ModuleCore core;

    BasicCommands(ModuleCore core) {
        this.core = core;
    }

    void register(Map<String, CommandHandler> handlers) {
        handlers.put("", c -> Reply.ok());
        handlers.put("E", this::echo);
        handlers.put("I", this::info);
        handlers.put("+CGMI", c -> bare(c, core.config.identity().manufacturer()));
        handlers.put("+CGMM", c -> bare(c, core.config.identity().model()));
        handlers.put("+CGMR", c -> bare(c, core.config.identity().firmware()));
        handlers.put("+CGSN", this::serial);
        handlers.put("+CMEE", this::cmee);
        handlers.put("+CCLK", this::clock);
        handlers.put("+MREBOOT", this::reboot);
        if (core.reports.legacy()) {
            handlers.put("+VERCTRL", this::versionControl);
        }
    }

    private static Reply only(AtCommand command, AtCommand.Form form) {
        if (command.form() != form) {
            throw AtError.plain();
        }
        return Reply.ok();
    }

    private static Reply bare(AtCommand command, String value) {
        return only(command, EXEC).line(value);
    }

    /**
     * ML302's AT+VERCTRL? (FIELD-NOTES §14): two numbers; OneOS attaches and activates PDP itself when the second is
     * 0, so it is 1 exactly when this module brings its data call up on its own. No source gives the first's
     * meaning; it is 0 here.
     */
    private Reply versionControl(AtCommand command) {
        only(command, READ);
        return Reply.ok().line("+VERCTRL: 0," + (core.config.dataCallAtBoot() ? 1 : 0));
    }

    private Reply echo(AtCommand command) {
        switch (command.args()) {
            case "", "0" -> core.state().echo = false;
            case "1" -> core.state().echo = true;
            default -> throw AtError.plain();
        }
        return Reply.ok();
    }

    private Reply info(AtCommand command) {
        if (!command.args().isEmpty() && !command.args().equals("0")) {
            throw AtError.plain();
        }
        ModuleIdentity id = core.config.identity();
        return Reply.ok().line(id.manufacturer()).line(id.model()).line(id.firmware());
    }

    private Reply serial(AtCommand command) {
        ModuleIdentity id = core.config.identity();
        return switch (command.form()) {
            case EXEC -> Reply.ok().line(id.serial());
            case TEST -> Reply.ok().line("+CGSN: (0-1)");
            case SET -> {
                List<AtCommand.Param> p = command.params();
                AtCommand.maxParams(p, 1);
                yield AtCommand.integer(p, 0, ParamRange.of(0, 1)) == 1
                        ? Reply.ok().line("+CGSN: " + id.imei())
                        : Reply.ok().line(id.serial());
            }
            default -> throw AtError.plain();
        };
    }

    private Reply cmee(AtCommand command) {
        return switch (command.form()) {
            case TEST -> Reply.ok().line("+CMEE: " + CMEE);
            case READ -> Reply.ok().line("+CMEE: " + core.state().cmee);
            case SET -> {
                List<AtCommand.Param> p = command.params();
                AtCommand.maxParams(p, 1);
                core.state().cmee = AtCommand.integer(p, 0, CMEE);
                yield Reply.ok();
            }
            default -> throw AtError.plain();
        };
    }

    private Reply clock(AtCommand command) {
        only(command, READ);
        String time = ModuleTimeFormat.format(Instant.now().plus(core.state().rtcOffset), core.config.zone());
        // NB prints the clock unquoted, 4G quoted (AT-REFERENCE 2.15.3, §6 item 20)
        return Reply.ok().line("+CCLK: " + (core.model.family().isNb() ? time : "\"" + time + "\""));
    }

    private Reply reboot(AtCommand command) {
        if (command.form() == SET) {
            AtCommand.integer(command.params(), 0, ParamRange.of(0, 1));
        } else if (command.form() != EXEC) {
            throw AtError.plain();
        }
        return Reply.ok().then(() -> {
            core.out.line("REBOOTING");
            core.boot();
        });
    }
}
