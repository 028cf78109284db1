package io.mipgate.emulator;

import io.mipgate.domain.ModuleErrorCode;
import io.mipgate.emulator.model.AllFamilies;
import io.mipgate.emulator.model.ModelFacts;
import io.mipgate.emulator.net.DnsResult;
import io.mipgate.emulator.net.DnsSettings;
import io.mipgate.emulator.net.PingResult;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * AT+MPING: real echo requests through {@link HostNetwork} (ICMP with the reply's real TTL where the process may);
 * one URC per echo and {@code "statistics"} when more than one was asked. DNS failures (1, 2), reply errors (3) and
 * other errors (5) end the run without statistics; a reply timeout (4) counts as lost and the run goes on.
 */
final class PingCommand {

    private final ModuleCore core;
    private final ModelFacts model;

    PingCommand(ModuleCore core) {
        this.core = core;
        this.model = core.model;
    }

    void register(Map<String, CommandHandler> handlers) {
        handlers.put("+MPING", this::ping);
    }

    private Reply ping(AtCommand command) {
        if (command.form() == AtCommand.Form.TEST) {
            return Reply.ok().line("+MPING: ," + AllFamilies.PING_TIMEOUT + "," + AllFamilies.PING_COUNT + ","
                    + AllFamilies.PING_SIZE + (model.pingCid() ? "," + AllFamilies.PDP_CID : ""));
        }
        if (command.form() != AtCommand.Form.SET) {
            throw AtError.plain();
        }
        List<AtCommand.Param> p = command.params();
        AtCommand.maxParams(p, model.pingCid() ? 5 : 4);
        String host = AtCommand.string(p, 0);
        if (host.length() > AllFamilies.HOST_MAX_LENGTH) {
            throw AtError.badParameters();
        }
        int timeout = AtCommand.integer(p, 1, AllFamilies.PING_TIMEOUT, AllFamilies.PING_TIMEOUT_DEFAULT);
        int count = AtCommand.integer(p, 2, AllFamilies.PING_COUNT, AllFamilies.PING_COUNT_DEFAULT);
        int size = AtCommand.integer(p, 3, AllFamilies.PING_SIZE, AllFamilies.PING_SIZE_DEFAULT);
        DataCallCommands.requireActive(core, AtCommand.integer(p, 4, AllFamilies.PDP_CID, 1));
        ModuleState state = core.state();
        if (state.pingBusy) {
            throw AtError.cme(ModuleErrorCode.PING_BUSY.code());
        }
        state.pingBusy = true;
        // only the first address is pinged, so the other family need not be asked
        DnsSettings dns = state.dns.settings(core.config).withShape(DnsSettings.ResultShape.PREFERRED_FAMILY_ONLY);
        int epoch = core.epoch();
        return Reply.ok().then(() -> core.workers.execute(
                () -> run(epoch, host, dns, Duration.ofSeconds(timeout), count, size)));
    }

    private void run(int epoch, String host, DnsSettings dns, Duration timeout, int count, int size) {
        String last = null;
        try {
            DnsResult resolution = core.network.resolve(host, dns);
            if (!(resolution instanceof DnsResult.Resolved resolved)) {
                last = "+MPING: " + (resolution instanceof DnsResult.TimedOut ? 2 : 1);
                return;
            }
            InetAddress target = resolved.first();
            long min = Long.MAX_VALUE;
            long max = 0;
            long sum = 0;
            int lost = 0;
            for (int i = 0; i < count; i++) {
                if (i > 0) {
                    urc(epoch, last);
                    Thread.sleep(core.config.pingInterval());
                }
                PingResult result = core.network.ping(target, timeout, size);
                if (result instanceof PingResult.Reply reply) {
                    long rtt = reply.rttMillis();
                    min = Math.min(min, rtt);
                    max = Math.max(max, rtt);
                    sum += rtt;
                    last = "+MPING: 0,\"" + DnsCommands.format(target) + "\"," + size + "," + rtt + "," + reply.ttl();
                } else {
                    last = "+MPING: " + result.resultCode();
                    if (!(result instanceof PingResult.TimedOut)) {
                        return; // 3 and 5 end the run without statistics; a timeout is a lost echo
                    }
                    lost++;
                }
            }
            if (count > 1) {
                urc(epoch, last);
                int received = count - lost;
                last = "+MPING: \"statistics\"," + count + "," + lost + "," + (received == 0 ? 0 : min) + ","
                        + max + "," + (received == 0 ? 0 : sum / received);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // the last line and "not busy" in one step, so a host reacting to it never sees 582
            String finalLine = last;
            core.postInEpoch(epoch, () -> {
                if (finalLine != null) {
                    core.out.urc(finalLine);
                }
                core.state().pingBusy = false;
            });
        }
    }

    private void urc(int epoch, String line) {
        core.postInEpoch(epoch, () -> core.out.urc(line));
    }
}
