package io.mipgate.emulator;

import io.mipgate.at.ModuleErrorCode;
import io.mipgate.at.model.IntRange;
import io.mipgate.at.model.ModelProfile;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** AT+MNTP: real SNTP; {@code +MNTP: 0,"yy/MM/dd,hh:mm:ss±zz"} or {@code +MNTP: <1|2|3>}; sync 1 sets the RTC. */
final class NtpCommand {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yy/MM/dd,HH:mm:ss");

    private final ModuleCore core;
    private final ModelProfile model;

    NtpCommand(ModuleCore core) {
        this.core = core;
        this.model = core.model;
    }

    void register(Map<String, CommandHandler> handlers) {
        handlers.put("+MNTP", this::ntp);
    }

    /** {@code yy/MM/dd,hh:mm:ss±zz}, zz in quarter hours (AT+CCLK format). */
    static String moduleTime(Instant instant, ZoneOffset zone) {
        int quarters = zone.getTotalSeconds() / 900;
        return CLOCK.format(instant.atOffset(zone)) + (quarters < 0 ? "-" : "+")
                + String.format("%02d", Math.abs(quarters));
    }

    private Reply ntp(AtCommand command) {
        if (command.form() == AtCommand.Form.TEST) {
            return Reply.ok().line("+MNTP: ," + ModelProfile.PORT + ",(0,1)," + ModelProfile.NTP_TIMEOUT);
        }
        String server = ModelProfile.NTP_SERVER_DEFAULT;
        int port = ModelProfile.NTP_PORT_DEFAULT;
        int sync = 1;
        int timeout = model.ntpDefaultTimeoutSeconds();
        if (command.form() == AtCommand.Form.SET) {
            List<AtCommand.Param> p = command.params();
            AtCommand.maxParams(p, 4);
            server = AtCommand.string(p, 0);
            if (server.length() > ModelProfile.HOST_MAX_LENGTH) {
                throw AtError.badParameters();
            }
            port = AtCommand.integer(p, 1, ModelProfile.PORT, port);
            sync = AtCommand.integer(p, 2, IntRange.of(0, 1), sync);
            timeout = AtCommand.integer(p, 3, ModelProfile.NTP_TIMEOUT, timeout);
        } else if (command.form() != AtCommand.Form.EXEC) {
            throw AtError.plain();
        }
        ModuleState state = core.state();
        if (state.ntpBusy) {
            throw AtError.cme(ModuleErrorCode.OPERATION_NOT_ALLOWED.code());
        }
        state.ntpBusy = true;
        HostNetwork.DnsQuery query = state.dns.query(core.config.networkDns(), core.config.dnsPort(), false);
        String host = server;
        int serverPort = port;
        boolean setClock = sync == 1;
        Duration wait = Duration.ofSeconds(timeout);
        return Reply.ok().then(() -> core.background(() -> {
            HostNetwork network = core.config.network();
            if (!(network.resolve(host, query) instanceof HostNetwork.Resolution.Resolved resolved)) {
                return (HostNetwork.NtpOutcome) null;
            }
            return network.ntp(resolved.addresses().getFirst(), serverPort, wait);
        }, outcome -> {
            core.state().ntpBusy = false;
            String line = switch (outcome) {
                case null -> "+MNTP: 1";
                case HostNetwork.NtpOutcome.Synced synced -> {
                    if (setClock) {
                        core.state().rtcOffset = Duration.between(Instant.now(), synced.time());
                    }
                    yield "+MNTP: 0,\"" + moduleTime(synced.time(), core.config.zone()) + "\"";
                }
                case HostNetwork.NtpOutcome.TimedOut t -> "+MNTP: 2";
                case HostNetwork.NtpOutcome.Failed f -> "+MNTP: 3";
            };
            core.out.urc(line);
        }));
    }
}
