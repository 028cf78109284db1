package io.mipgate.emulator;

import io.mipgate.at.ModuleErrorCode;
import io.mipgate.at.model.ModelProfile;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * AT+MPING: real echo requests; one URC per echo and {@code "statistics"} when more than one was asked. DNS failures
 * (1, 2) and errors (5) end the run without statistics; a reply timeout (4) counts as lost and the run goes on.
 */
final class PingCommand {

    private final ModuleCore core;
    private final ModelProfile model;

    PingCommand(ModuleCore core) {
        this.core = core;
        this.model = core.model;
    }

    void register(Map<String, CommandHandler> handlers) {
        handlers.put("+MPING", this::ping);
    }

    private Reply ping(AtCommand command) {
        if (command.form() == AtCommand.Form.TEST) {
            return Reply.ok().line("+MPING: ," + ModelProfile.PING_TIMEOUT + "," + ModelProfile.PING_COUNT + ","
                    + ModelProfile.PING_SIZE + (model.pingCid() ? "," + ModelProfile.PDP_CID : ""));
        }
        if (command.form() != AtCommand.Form.SET) {
            throw AtError.plain();
        }
        List<AtCommand.Param> p = command.params();
        AtCommand.maxParams(p, model.pingCid() ? 5 : 4);
        String host = AtCommand.string(p, 0);
        if (host.length() > ModelProfile.HOST_MAX_LENGTH) {
            throw AtError.badParameters();
        }
        int timeout = AtCommand.integer(p, 1, ModelProfile.PING_TIMEOUT, ModelProfile.PING_TIMEOUT_DEFAULT);
        int count = AtCommand.integer(p, 2, ModelProfile.PING_COUNT, ModelProfile.PING_COUNT_DEFAULT);
        int size = AtCommand.integer(p, 3, ModelProfile.PING_SIZE, ModelProfile.PING_SIZE_DEFAULT);
        AtCommand.integer(p, 4, ModelProfile.PDP_CID, 1);
        ModuleState state = core.state();
        if (state.pingBusy) {
            throw AtError.cme(ModuleErrorCode.PING_BUSY.code());
        }
        state.pingBusy = true;
        HostNetwork.DnsQuery query = state.dns.query(core.config.networkDns(), core.config.dnsPort(), false);
        int epoch = core.epoch();
        return Reply.ok().then(() -> core.workers.execute(
                () -> run(epoch, host, query, Duration.ofSeconds(timeout), count, size)));
    }

    private void run(int epoch, String host, HostNetwork.DnsQuery query, Duration timeout, int count, int size) {
        HostNetwork network = core.config.network();
        String last = null;
        try {
            HostNetwork.Resolution resolution = network.resolve(host, query);
            if (!(resolution instanceof HostNetwork.Resolution.Resolved resolved)) {
                last = "+MPING: " + (resolution instanceof HostNetwork.Resolution.TimedOut ? 2 : 1);
                return;
            }
            InetAddress target = resolved.addresses().getFirst();
            long min = Long.MAX_VALUE;
            long max = 0;
            long sum = 0;
            int lost = 0;
            for (int i = 0; i < count; i++) {
                if (i > 0) {
                    urc(epoch, last);
                    Thread.sleep(core.config.pingInterval());
                }
                HostNetwork.PingOutcome outcome = network.ping(target, size, timeout);
                switch (outcome) {
                    case HostNetwork.PingOutcome.Reply reply -> {
                        min = Math.min(min, reply.rttMillis());
                        max = Math.max(max, reply.rttMillis());
                        sum += reply.rttMillis();
                        last = "+MPING: 0,\"" + DnsCommands.format(target) + "\"," + size + ","
                                + reply.rttMillis() + "," + reply.ttl();
                    }
                    case HostNetwork.PingOutcome.Timeout t -> {
                        lost++;
                        last = "+MPING: 4";
                    }
                    case HostNetwork.PingOutcome.Error e -> {
                        last = "+MPING: 5";
                        return;
                    }
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
