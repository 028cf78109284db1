package io.mipgate.emulator;

import io.mipgate.domain.ModuleErrorCode;
import io.mipgate.emulator.model.AllFamilies;
import io.mipgate.emulator.model.ModelFacts;
import io.mipgate.emulator.model.ParamRange;
import io.mipgate.emulator.net.DnsSettings;
import io.mipgate.emulator.net.ModuleTimeFormat;
import io.mipgate.emulator.net.NtpResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * AT+MNTP: a real SNTP exchange, the server's name resolved as AT+MDNSCFG says; {@code +MNTP: 0,"yy/MM/dd,hh:mm:ss±zz"}
 * with the server's time, or {@code +MNTP: <1|2|3>}; sync 1 sets the RTC.
 */
final class NtpCommand {

    private final ModuleCore core;
    private final ModelFacts model;

    NtpCommand(ModuleCore core) {
        this.core = core;
        this.model = core.model;
    }

    void register(Map<String, CommandHandler> handlers) {
        handlers.put("+MNTP", this::ntp);
    }

    private Reply ntp(AtCommand command) {
        if (command.form() == AtCommand.Form.TEST) {
            return Reply.ok().line("+MNTP: ," + AllFamilies.PORT + ",(0,1)," + AllFamilies.NTP_TIMEOUT);
        }
        String server = AllFamilies.NTP_SERVER_DEFAULT;
        int port = AllFamilies.NTP_PORT_DEFAULT;
        int sync = 1;
        int timeout = model.ntpTimeoutDefault();
        if (command.form() == AtCommand.Form.SET) {
            List<AtCommand.Param> p = command.params();
            AtCommand.maxParams(p, 4);
            server = AtCommand.string(p, 0);
            if (server.length() > AllFamilies.HOST_MAX_LENGTH) {
                throw AtError.badParameters();
            }
            port = AtCommand.integer(p, 1, AllFamilies.PORT, port);
            sync = AtCommand.integer(p, 2, ParamRange.of(0, 1), sync);
            timeout = AtCommand.integer(p, 3, AllFamilies.NTP_TIMEOUT, timeout);
        } else if (command.form() != AtCommand.Form.EXEC) {
            throw AtError.plain();
        }
        DataCallCommands.requireActive(core);
        ModuleState state = core.state();
        if (state.ntpBusy) {
            throw AtError.cme(ModuleErrorCode.OPERATION_NOT_ALLOWED.code());
        }
        state.ntpBusy = true;
        DnsSettings dns = state.dns.settings(core.config).withShape(DnsSettings.ResultShape.PREFERRED_FAMILY_ONLY);
        String host = server;
        int serverPort = port;
        boolean setClock = sync == 1;
        Duration wait = Duration.ofSeconds(timeout);
        return Reply.ok().then(() -> core.background(() -> core.network.ntp(host, serverPort, wait, dns), result -> {
            core.state().ntpBusy = false;
            if (result instanceof NtpResult.Synced synced) {
                if (setClock) {
                    core.state().rtcOffset = synced.offset();
                }
                core.out.urc("+MNTP: 0,\"" + ModuleTimeFormat.format(synced.serverTime(), core.config.zone()) + "\"");
            } else {
                core.out.urc("+MNTP: " + result.resultCode());
            }
        }));
    }
}
