package io.mipgate.store.usage;

import java.util.List;

/**
 * A module's data usage: payload bytes through its connections (not counting IP/TCP overhead), in the current billing
 * cycle and since the first record, in total and per SIM.
 *
 * @param limitBytes the configured monthly limit, or null
 */
public record ModuleUsage(String moduleId, BillingCycle cycle, Bytes cycleBytes, Bytes totalBytes, Long limitBytes,
                          double warningRatio, String currentIccid, List<SimUsage> sims) {

    public ModuleUsage {
        sims = List.copyOf(sims);
    }

    /** Sent and received bytes. */
    public record Bytes(long sent, long received) {
        public static final Bytes ZERO = new Bytes(0, 0);

        public long total() {
            return sent + received;
        }

        Bytes plus(long moreSent, long moreReceived) {
            return new Bytes(sent + moreSent, received + moreReceived);
        }
    }

    /** One SIM's bytes in this module; the ICCID is "" for bytes counted before the SIM was read. */
    public record SimUsage(String iccid, Bytes cycleBytes, Bytes totalBytes) {
    }

    /** Share of the limit used in this cycle, or null without a limit. */
    public Double usedRatio() {
        return limitBytes == null ? null : (double) cycleBytes.total() / limitBytes;
    }
}
