package io.mipgate.module;

import io.mipgate.module.event.ModuleEvent.PingEcho;
import java.util.List;

/**
 * The echoes of an AT+MPING run and, when more than one echo was asked for, the module's statistics line (null
 * when the run ended early, e.g. on a DNS failure).
 */
public record PingOutcome(List<PingEcho> echoes, Integer sent, Integer lost, Integer rttMinMs, Integer rttMaxMs,
                          Integer rttAvgMs) {

    public PingOutcome {
        echoes = List.copyOf(echoes);
    }
}
