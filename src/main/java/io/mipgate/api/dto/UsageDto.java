package io.mipgate.api.dto;

import io.mipgate.store.usage.DataUsageLedger;
import io.mipgate.store.usage.ModuleUsage;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Data usage as cellular routers show it: payload bytes, this billing cycle and in total, per module and SIM. */
public final class UsageDto {

    private UsageDto() {
    }

    @Schema(name = "Bytes")
    public record Bytes(@Schema(example = "1024") long sent, @Schema(example = "4096") long received,
                        @Schema(example = "5120") long total) {
        public static Bytes of(ModuleUsage.Bytes bytes) {
            return new Bytes(bytes.sent(), bytes.received(), bytes.total());
        }
    }

    @Schema(name = "SimUsage")
    public record Sim(@Schema(description = "\"\" for bytes counted before the SIM was read") String iccid,
                      Bytes cycle, Bytes total) {
        static Sim of(ModuleUsage.SimUsage sim) {
            return new Sim(sim.iccid(), Bytes.of(sim.cycleBytes()), Bytes.of(sim.totalBytes()));
        }
    }

    @Schema(name = "ModuleUsage")
    public record Module(@Schema(example = "emu-ml307r") String moduleId,
                         @Schema(description = "first day of the current billing cycle") LocalDate cycleStart,
                         @Schema(description = "first day of the next billing cycle") LocalDate cycleEnd,
                         Bytes cycle, Bytes total,
                         @Schema(description = "configured monthly limit; null without one") Long limitBytes,
                         @Schema(description = "share of the limit used this cycle; null without a limit")
                         Double usedRatio,
                         @Schema(example = "0.8") double warningRatio,
                         @Schema(description = "usedRatio reached warningRatio") boolean warning,
                         String currentIccid, List<Sim> sims) {
        public static Module of(ModuleUsage u) {
            Double used = u.usedRatio();
            return new Module(u.moduleId(), u.cycle().start(), u.cycle().end(), Bytes.of(u.cycleBytes()),
                    Bytes.of(u.totalBytes()), u.limitBytes(), used, u.warningRatio(),
                    used != null && used >= u.warningRatio(), u.currentIccid(),
                    u.sims().stream().map(Sim::of).toList());
        }
    }

    @Schema(name = "ConnectionUsage")
    public record Connection(int connectId, long generation, String iccid, Bytes bytes, Instant updatedAt) {
        public static Connection of(DataUsageLedger.ConnectionUsage c) {
            return new Connection(c.connectId(), c.generation(), c.iccid(), Bytes.of(c.bytes()), c.updatedAt());
        }
    }

    @Schema(name = "SimModuleUsage")
    public record SimInModule(String moduleId, Bytes cycle, Bytes total) {
    }
}
