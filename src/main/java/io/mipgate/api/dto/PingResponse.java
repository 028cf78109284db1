package io.mipgate.api.dto;

import io.mipgate.module.PingOutcome;
import io.mipgate.module.event.ModuleEvent;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Every echo of a ping run and the module's statistics. */
@Schema(name = "PingResponse")
public record PingResponse(@Schema(example = "127.0.0.1") String host, List<Echo> echoes, Statistics statistics) {

    /** One echo; {@code result} 0 is a reply (AT-REFERENCE §2.12.2). */
    @Schema(name = "PingEcho")
    public record Echo(@Schema(example = "0") int result, @Schema(example = "127.0.0.1") String ip,
                       @Schema(example = "32") Integer size, @Schema(example = "3") Integer rttMs,
                       @Schema(example = "64") Integer ttl) {
    }

    /** The statistics line; null when one echo was asked for or the run ended early. */
    @Schema(name = "PingStatistics")
    public record Statistics(Integer sent, Integer lost, Integer rttMinMs, Integer rttMaxMs, Integer rttAvgMs) {
    }

    public static PingResponse of(String host, PingOutcome o) {
        List<Echo> echoes = o.echoes().stream().map(PingResponse::echo).toList();
        Statistics statistics = o.sent() == null ? null
                : new Statistics(o.sent(), o.lost(), o.rttMinMs(), o.rttMaxMs(), o.rttAvgMs());
        return new PingResponse(host, echoes, statistics);
    }

    private static Echo echo(ModuleEvent.PingEcho e) {
        return new Echo(e.result(), e.ip(), e.size(), e.rttMs(), e.ttl());
    }
}
