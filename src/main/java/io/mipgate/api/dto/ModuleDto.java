package io.mipgate.api.dto;

import io.mipgate.module.ConnectionState;
import io.mipgate.module.ModuleSnapshot;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** One module as the fleet dashboard sees it. */
@Schema(name = "Module")
public record ModuleDto(
        @Schema(example = "emu-ml307r") String id,
        @Schema(example = "emulator:ML307R") String link,
        @Schema(example = "ML307R") String model,
        @Schema(example = "ML307R-DL-MBRH0S00") String firmware,
        @Schema(example = "869999012345678") String imei,
        @Schema(example = "UP", allowableValues = {"STARTING", "UP", "DOWN", "RECOVERING", "FAILED", "STOPPED"})
        String status,
        Instant statusSince,
        @Schema(example = "0") int queueDepth,
        @Schema(example = "64") int queueCapacity,
        String lastError,
        @Schema(description = "a connection is in transparent mode: other commands answer 409 until it leaves it")
        boolean transparentMode,
        @Schema(example = "1") long openConnections,
        @Schema(description = "every connect_id that has been used since start-up") List<ConnectionDto> connections,
        @Schema(description = "where the worker stands on its recovery ladder", example = "NONE",
                allowableValues = {"NONE", "RESYNC", "REOPEN", "REBOOT", "FAILED"}) String recoveryRung,
        @Schema(description = "recovery attempts in the current episode", example = "0") int recoveryAttempts,
        @Schema(description = "command timeouts since the last answered command", example = "0")
        int consecutiveTimeouts,
        @Schema(description = "the PDP context the module's sockets use") DataCall dataCall,
        @Schema(description = "what has gone wrong since the gateway started, recovered faults included") Faults faults,
        @Schema(description = "the baud rate the serial link runs at: the configured one, or the rate the module could"
                + " only be reached at; null for links without a rate (TCP, in process)", example = "115200")
        Integer lineRate) {

    /** Fault counts since start-up: each is also a metric and an event; these stay after the module recovered. */
    @Schema(name = "ModuleFaults")
    public record Faults(
            @Schema(description = "bytes on the serial line that decoded to nothing", example = "0") long discardedBytes,
            @Schema(description = "commands the module never answered in time", example = "0") long commandTimeouts,
            @Schema(description = "module reboots noticed, soft reboots included", example = "0") long moduleResets,
            @Schema(description = "times the serial line was lost and opened again", example = "0") long linkReconnects,
            @Schema(description = "jobs refused: queue full or module unavailable", example = "0") long rejectedJobs) {
    }

    /** The module's data call as last read (AT+MIPCALL?). */
    @Schema(name = "DataCall")
    public record DataCall(
            @Schema(description = "PDP context id", example = "1") int cid,
            @Schema(description = "false until the gateway has read the context") boolean known,
            @Schema(description = "sockets, lookups and pings need an active context") boolean active,
            @Schema(description = "the module's address on the context, null while down", example = "10.36.12.5")
            String address,
            @Schema(description = "the configured APN, null when the SIM's is used", example = "CMIOT") String apn) {
    }

    public static ModuleDto of(ModuleSnapshot s) {
        return new ModuleDto(s.id(), s.link(), s.model(), s.firmware(), s.imei(), s.status().name(), s.statusSince(),
                s.queueDepth(), s.queueCapacity(), s.lastError(), s.transparentBridgeActive(), s.openConnections(),
                s.connections().stream().filter(c -> c.state() != ConnectionState.INITIAL || c.generation() > 0)
                        .map(c -> ConnectionDto.of(s.id(), c)).toList(),
                s.recoveryRung(), s.recoveryAttempts(), s.consecutiveTimeouts(),
                new DataCall(s.dataCall().cid(), s.dataCall().known(), s.dataCall().active(), s.dataCall().address(),
                        s.dataCall().apn()),
                new Faults(s.faults().discardedBytes(), s.faults().commandTimeouts(), s.faults().moduleResets(),
                        s.faults().linkReconnects(), s.faults().rejectedJobs()),
                s.lineRate() == 0 ? null : s.lineRate());
    }
}
