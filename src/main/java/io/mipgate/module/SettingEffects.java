package io.mipgate.module;

import io.mipgate.at.command.AtCommand;
import io.mipgate.at.command.MipCfg;
import io.mipgate.at.decode.Information;
import io.mipgate.domain.RecvFormat;
import io.mipgate.domain.SendFormat;

/**
 * The settings the worker itself depends on to read a connection correctly. Applied with the OK that makes them
 * take effect, whoever sent them (an operator, the start-up sequence re-applying them, a send switching format).
 */
final class SettingEffects {

    private SettingEffects() {
    }

    /** An {@code +MIPCFG: "encoding",<id>,<send>,<recv>} line read back from the module, applied to its id. */
    static void readBack(ConnectionTable table, Information.MipCfgLine line) {
        if (table.ids().contains(line.id()) && line.values().size() >= 2) {
            table.encoding(line.id(), SendFormat.ofCode(Integer.parseInt(line.values().get(0).trim())),
                    RecvFormat.ofCode(Integer.parseInt(line.values().get(1).trim())));
        }
    }

    static void applied(ConnectionTable table, AtCommand setting) {
        switch (setting) {
            case MipCfg.Encoding encoding ->
                    table.encoding(encoding.connectId(), encoding.sendFormat(), encoding.recvFormat());
            case MipCfg.SendTimeout timeout ->
                    table.inputTimeout(timeout.connectId(), java.time.Duration.ofSeconds(timeout.seconds()));
            case MipCfg.AutoFree autoFree -> table.hostReleases(autoFree.connectId(), autoFree.hostReleases());
            default -> {
            }
        }
    }
}
