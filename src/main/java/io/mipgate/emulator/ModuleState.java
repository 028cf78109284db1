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
    /** PDP context 1 is active (FIELD §5); the definitions themselves are kept by {@link DataCallCommands}. */
    boolean dataCallActive;
    /** The data call went with the registration (not by the host's hand): it comes back with the registration. */
    boolean dataCallLostToRadio;
    /** AT+CFUN: 1 full functionality; 0 and 4 switch the radio off until set again or the next boot. */
    int cfun = 1;
    /** AT+CEREG=<n>: 2 adds the location to the read answer. */
    int ceregReporting;

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
