package io.mipgate.emulator;

import io.mipgate.emulator.model.ModelFacts;
import java.time.Duration;

/** Everything a reboot resets (NB keeps its DNS settings in NV). */
final class ModuleState {

    boolean echo;
    int cmee;
    final ConnectionSlot[] slots;
    DnsState dns;
    Duration rtcOffset = Duration.ZERO;
    boolean dnsBusy;
    boolean pingBusy;
    boolean ntpBusy;
    boolean firstDnsPending = true;
    ConnectionSlot transparent;
    /** PDP context 1 (FIELD §5): the only context the virtual module has. */
    boolean dataCallActive;
    /** APN of context 1 set with AT+CGDCONT; null: the SIM's. */
    String apn;
    /** PDP type of context 1: {@code IP}, {@code IPV6} or {@code IPV4V6}. */
    String pdpType = "IPV4V6";

    ModuleState(EmulatorConfig config, DnsState keptDns) {
        ModelFacts model = config.model();
        echo = config.echoAfterBoot();
        cmee = config.cmeeAfterBoot();
        slots = new ConnectionSlot[model.connectIds().max() + 1];
        for (int id = 0; id < slots.length; id++) {
            slots[id] = new ConnectionSlot(id, model);
        }
        dataCallActive = config.dataCallAtBoot();
        dns = keptDns != null && model.dns().persistent() ? keptDns : new DnsState(model);
    }
}
