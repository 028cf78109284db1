package io.mipgate.api.dto;

import io.mipgate.module.ConnectionSnapshot;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** One connect_id of a module. */
@Schema(name = "Connection")
public record ConnectionDto(
        @Schema(example = "emu-ml307r") String moduleId,
        @Schema(example = "0") int connectId,
        @Schema(example = "CONNECTED", allowableValues = {"INITIAL", "CONNECTING", "CONNECTED", "CLOSING", "CLOSED"})
        String state,
        @Schema(example = "opened") String reason,
        @Schema(example = "TCP") String protocol,
        @Schema(example = "127.0.0.1") String remoteHost,
        @Schema(example = "7000") int remotePort,
        @Schema(example = "normal") ApiAccessMode accessMode,
        Instant since,
        @Schema(description = "increases with every open of this connect_id", example = "1") long generation,
        @Schema(description = "received bytes waiting to be read through /data", example = "0") int bufferedBytes,
        @Schema(example = "0") long droppedBytes,
        @Schema(example = "5") long bytesSent,
        @Schema(example = "5") long bytesReceived,
        @Schema(description = "the last AT+MIPSACK sample, if any") SackDto lastSack,
        @Schema(description = "the connect_id's inline send format in the module (AT+MIPCFG=\"encoding\")",
                example = "ascii") String sendFormat,
        @Schema(description = "the connect_id's receive format in the module (AT+MIPCFG=\"encoding\")",
                example = "ascii") String recvFormat,
        @Schema(description = "the last UDP air-interface echo (\"seq\" report), if any") SeqDto lastSeq,
        @Schema(description = "true while the client reads a normal-mode connection too slowly: the gateway has "
                + "moved it to a buffer mode so that the module holds the data, and moves it back once the client "
                + "has caught up") boolean receiveHeld) {

    /** A {@code +MIPURC: "seq"} report: whether the datagram sent with {@code seq} reached the base station. */
    @Schema(name = "SeqReport")
    public record SeqDto(@Schema(example = "17") int seq, boolean delivered, Instant at) {
    }

    public static ConnectionDto of(String moduleId, ConnectionSnapshot c) {
        return new ConnectionDto(moduleId, c.connectId(), c.state().name(), c.reason(),
                c.protocol() == null ? null : c.protocol().name(), c.remoteHost(), c.remotePort(),
                c.mode() == null ? null : ApiAccessMode.of(c.mode()), c.since(), c.generation(), c.bufferedBytes(),
                c.droppedBytes(), c.bytesSent(), c.bytesReceived(), SackDto.of(c.lastSack()),
                c.sendFormat() == null ? null : c.sendFormat().name().toLowerCase(java.util.Locale.ROOT),
                c.recvFormat() == null ? null : c.recvFormat().name().toLowerCase(java.util.Locale.ROOT),
                c.lastSeq() == null ? null : new SeqDto(c.lastSeq().seq(), c.lastSeq().delivered(), c.lastSeq().at()),
                c.receiveHeld());
    }
}
