package io.mipgate.api;

import io.mipgate.api.dto.ApiCloseMode;
import io.mipgate.api.dto.CloseResponse;
import io.mipgate.api.dto.ConnectionDto;
import io.mipgate.api.dto.JobDto;
import io.mipgate.api.dto.ModeRequest;
import io.mipgate.api.dto.OpenConnectionRequest;
import io.mipgate.api.dto.ReceivedData;
import io.mipgate.module.ReceivedWindow;
import io.mipgate.api.dto.SackDto;
import io.mipgate.api.dto.SendRequest;
import io.mipgate.api.dto.SendResponse;
import io.mipgate.api.jobs.JobRegistry;
import io.mipgate.api.problem.ApiException;
import io.mipgate.api.problem.ProblemType;
import io.mipgate.domain.Protocol;
import io.mipgate.domain.UnsupportedOnModelException;
import io.mipgate.module.CloseOutcome;
import io.mipgate.module.ConnectionSnapshot;
import io.mipgate.module.ConnectionState;
import io.mipgate.module.ModuleClient;
import io.mipgate.module.ModuleException;
import io.mipgate.module.OpenRequest;
import io.mipgate.module.SendOptions;
import io.mipgate.module.SendResult;
import io.mipgate.module.request.ModuleCapabilities;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** TCP/UDP connections of one module: open, inspect, send, read, ACK state, mode, close. */
@RestController
@Tag(name = "connections", description = "Connections (GET: VIEWER; open/send/read/mode/close: OPERATOR)")
public class ConnectionsController {

    static final String CONNECTIONS = ApiPaths.MODULE + "/connections";
    static final String CONNECTION = CONNECTIONS + "/{connectId}";
    private static final Duration DEFAULT_ACK_TIMEOUT = Duration.ofSeconds(10);

    private final ModuleAccess modules;
    private final JobRegistry jobs;
    private final int maxSendBytes;

    public ConnectionsController(ModuleAccess modules, JobRegistry jobs,
                                 @Value("${mipgate.api.max-send-size:1MB}") DataSize maxSend) {
        this.modules = modules;
        this.jobs = jobs;
        this.maxSendBytes = (int) maxSend.toBytes();
    }

    @PostMapping(CONNECTIONS)
    @Operation(summary = "Open a TCP/UDP connection (AT+MIPOPEN)", description = "Waits for +MIPOPEN and answers 201"
            + " with the connection, or the module's failure code. With async=true answers 202 with a job.")
    @ApiResponse(responseCode = "201", description = "connected",
            content = @Content(schema = @Schema(implementation = ConnectionDto.class)))
    @ApiResponse(responseCode = "202", description = "job started (async=true)",
            content = @Content(schema = @Schema(implementation = JobDto.class)))
    public ResponseEntity<Object> open(@PathVariable String moduleId, @Valid @RequestBody OpenConnectionRequest request,
                                       @RequestParam(defaultValue = "false") boolean async) {
        ModuleClient client = modules.client(moduleId);
        Integer connectId = ModuleAccess.bodyConnectId(client, request.connectId());
        Protocol protocol = Protocol.valueOf(request.protocol().name());
        var mode = request.accessMode() == null ? null : request.accessMode().toDomain();
        CompletableFuture<ConnectionSnapshot> opened = client.open(new OpenRequest(protocol, request.host(),
                request.port(), connectId, mode, request.timeoutSeconds(), request.localPort()));
        if (async) {
            return Jobs.accepted(jobs, "open", moduleId, CONNECTIONS.replace("{moduleId}", moduleId), opened,
                    snapshot -> ConnectionDto.of(moduleId, snapshot));
        }
        ConnectionSnapshot snapshot = Await.result(opened);
        return ResponseEntity.created(URI.create(ApiPaths.BASE + "/modules/" + moduleId + "/connections/"
                + snapshot.connectId())).body(ConnectionDto.of(moduleId, snapshot));
    }

    @GetMapping(CONNECTIONS)
    @Operation(summary = "List the connections the worker knows (every connect_id used since start-up)")
    public List<ConnectionDto> list(@PathVariable String moduleId) {
        ModuleClient client = modules.client(moduleId);
        return client.snapshot().connections().stream()
                .filter(c -> c.state() != ConnectionState.INITIAL || c.generation() > 0)
                .map(c -> ConnectionDto.of(moduleId, c)).toList();
    }

    @GetMapping(CONNECTION)
    @Operation(summary = "One connection, reconciled with AT+MIPSTATE",
            description = "With reconcile=false (or while the module cannot answer) the worker's view is returned.")
    public ConnectionDto get(@PathVariable String moduleId, @PathVariable int connectId,
                             @RequestParam(defaultValue = "true") boolean reconcile) {
        ModuleClient client = modules.client(moduleId);
        ModuleAccess.pathConnectId(client, connectId);
        ConnectionSnapshot snapshot = client.connection(connectId);
        if (snapshot.state() == ConnectionState.INITIAL && snapshot.generation() == 0) {
            throw new ApiException(ProblemType.UNKNOWN_CONNECTION, "connect_id " + connectId + " of module "
                    + moduleId + " has never been opened", moduleId, null);
        }
        if (reconcile && snapshot.state().isOpen()) {
            try {
                snapshot = Await.result(client.refresh(connectId));
            } catch (ModuleException.StateConflict | ModuleException.ModuleUnavailable | ModuleException.QueueFull
                     | ModuleException.ModuleTimeout e) {
                snapshot = client.connection(connectId);
            }
        }
        return ConnectionDto.of(moduleId, snapshot);
    }

    private static final String ASYNC_SEND = "With async=true answers 202 with a job as soon as the send is queued:"
            + " sends queued by one client go out in the order they were queued, so a client can keep the line busy"
            + " without waiting for each one; a TCP send queued before an earlier one failed is not sent (409),"
            + " so the stream never carries on past a hole.";

    @PostMapping(path = CONNECTION + "/send", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Send bytes given as JSON (utf8, base64 or hex)", description = ASYNC_SEND)
    @ApiResponse(responseCode = "200", description = "sent",
            content = @Content(schema = @Schema(implementation = SendResponse.class)))
    @ApiResponse(responseCode = "202", description = "queued (async=true)",
            content = @Content(schema = @Schema(implementation = JobDto.class)))
    public ResponseEntity<Object> sendJson(@PathVariable String moduleId, @PathVariable int connectId,
                                           @Valid @RequestBody SendRequest request,
                                           @RequestParam(defaultValue = "false") boolean async) {
        byte[] data = decode(request);
        Duration ackTimeout = request.ackTimeoutMs() == null ? DEFAULT_ACK_TIMEOUT
                : Duration.ofMillis(request.ackTimeoutMs());
        return send(moduleId, connectId, data, new SendOptions(Boolean.TRUE.equals(request.waitForAck()), ackTimeout,
                request.rai(), request.seq()), async);
    }

    @PostMapping(path = CONNECTION + "/send", consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    @Operation(summary = "Send the raw request body", description = ASYNC_SEND, requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
                    schema = @Schema(type = "string", format = "binary"))))
    @ApiResponse(responseCode = "200", description = "sent",
            content = @Content(schema = @Schema(implementation = SendResponse.class)))
    @ApiResponse(responseCode = "202", description = "queued (async=true)",
            content = @Content(schema = @Schema(implementation = JobDto.class)))
    public ResponseEntity<Object> sendBinary(@PathVariable String moduleId, @PathVariable int connectId,
                                   @RequestParam(defaultValue = "false") boolean waitForAck,
                                   @RequestParam(required = false) @Min(100) @Max(120_000) Integer ackTimeoutMs,
                                   @RequestParam(required = false) @Min(0) @Max(2) Integer rai,
                                   @RequestParam(required = false) @Min(1) @Max(255) Integer seq,
                                   @RequestParam(defaultValue = "false") boolean async,
                                   @Parameter(hidden = true) HttpServletRequest http)
            throws IOException, HttpMediaTypeNotSupportedException {
        if (http.getContentType() == null) {
            // Spring takes a body without a type for application/octet-stream; raw bytes are sent only when asked for
            throw new HttpMediaTypeNotSupportedException("a send needs Content-Type application/json or"
                    + " application/octet-stream");
        }
        byte[] data = readLimited(http);
        Duration ackTimeout = ackTimeoutMs == null ? DEFAULT_ACK_TIMEOUT : Duration.ofMillis(ackTimeoutMs);
        return send(moduleId, connectId, data, new SendOptions(waitForAck, ackTimeout, rai, seq), async);
    }

    private ResponseEntity<Object> send(String moduleId, int connectId, byte[] data, SendOptions options,
                                        boolean async) {
        ModuleClient client = modules.client(moduleId);
        ModuleAccess.pathConnectId(client, connectId);
        ModuleCapabilities model = client.capabilities();
        if (options.rai() != null && !model.raiOnUdp()) {
            throw new UnsupportedOnModelException("rai", model.model());
        }
        if (options.seq() != null && !model.sendSequence()) {
            throw new UnsupportedOnModelException("seq", model.model());
        }
        CompletableFuture<SendResult> sent = client.send(connectId, data, options);
        if (async) {
            return Jobs.accepted(jobs, "send", moduleId, CONNECTION.replace("{moduleId}", moduleId)
                    .replace("{connectId}", Integer.toString(connectId)) + "/send", sent, SendResponse::of);
        }
        return ResponseEntity.ok(SendResponse.of(Await.result(sent)));
    }

    private byte[] decode(SendRequest request) {
        if (request.data().length() > maxSendBytes * 2L + 4) {
            throw tooLarge();
        }
        byte[] data;
        try {
            data = switch (request.encoding() == null ? SendRequest.Encoding.utf8 : request.encoding()) {
                case utf8 -> request.data().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                case base64 -> Base64.getDecoder().decode(request.data());
                case hex -> HexFormat.of().parseHex(request.data());
            };
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("data", request.data(), "valid " + request.encoding() + " (" + e.getMessage() + ")");
        }
        if (data.length > maxSendBytes) {
            throw tooLarge();
        }
        return data;
    }

    private byte[] readLimited(HttpServletRequest http) throws IOException {
        if (http.getContentLengthLong() > maxSendBytes) {
            throw tooLarge();
        }
        try (InputStream in = http.getInputStream()) {
            byte[] data = in.readNBytes(maxSendBytes + 1);
            if (data.length > maxSendBytes) {
                throw tooLarge();
            }
            return data;
        }
    }

    private ApiException tooLarge() {
        return new ApiException(ProblemType.PAYLOAD_TOO_LARGE, "a send carries at most " + maxSendBytes + " bytes");
    }

    @GetMapping(path = CONNECTION + "/data", produces = {MediaType.APPLICATION_JSON_VALUE,
            MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(summary = "Read received bytes", description = """
            JSON (base64) or, with Accept: application/octet-stream, the raw bytes (headers X-Remaining-Bytes, \
            X-Data-Offset, X-Next-Offset, X-Connection-Generation). Without `from` the bytes are taken: each is \
            delivered exactly once, in order, and a response lost in transit loses them. With `from` the read is \
            confirmed: every byte before `from` is acknowledged and released, and the bytes from `from` on are \
            returned but kept until a later read passes their end; start at 0 and pass the previous answer's \
            nextOffset (and generation). Dashboards and anything that must not lose data use `from`.""")
    public ResponseEntity<?> read(@PathVariable String moduleId, @PathVariable int connectId,
                                  @RequestParam(defaultValue = "65536") @Min(1) @Max(1_048_576) int max,
                                  @Parameter(description = "confirmed read: stream offset to read from; bytes before "
                                          + "it are acknowledged") @RequestParam(required = false) @Min(0) Long from,
                                  @Parameter(description = "with from: the connection generation the offset belongs "
                                          + "to (409 if the connect_id now carries another)")
                                  @RequestParam(required = false) @Min(1) Long generation,
                                  @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        ModuleClient client = modules.client(moduleId);
        ModuleAccess.pathConnectId(client, connectId);
        if (from == null && generation != null) {
            throw ApiException.invalid("generation", generation, "only together with from (a confirmed read)");
        }
        ReceivedWindow window = from == null ? client.take(connectId, max)
                : client.confirmedRead(connectId, from, max, generation);
        if (wantsBinary(accept)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                    .header("X-Remaining-Bytes", Integer.toString(window.remaining()))
                    .header("X-Data-Offset", Long.toString(window.offset()))
                    .header("X-Next-Offset", Long.toString(window.nextOffset()))
                    .header("X-Connection-Generation", Long.toString(window.generation()))
                    .body(window.data());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(ReceivedData.of(connectId, window));
    }

    /**
     * HEAD must not take what a GET would hand out (a safe method never consumes data): it only tells how many
     * received bytes wait, in the same header a binary read carries.
     */
    @org.springframework.web.bind.annotation.RequestMapping(path = CONNECTION + "/data",
            method = org.springframework.web.bind.annotation.RequestMethod.HEAD)
    @Operation(summary = "How many received bytes wait", description = "Header X-Remaining-Bytes; nothing is taken.")
    public ResponseEntity<Void> peekRemaining(@PathVariable String moduleId, @PathVariable int connectId) {
        ModuleClient client = modules.client(moduleId);
        ModuleAccess.pathConnectId(client, connectId);
        return ResponseEntity.ok().header("X-Remaining-Bytes",
                Integer.toString(client.connection(connectId).bufferedBytes())).build();
    }

    /** Raw bytes only when the client prefers application/octet-stream over JSON. */
    private static boolean wantsBinary(String accept) {
        if (accept == null) {
            return false;
        }
        double binary = -1;
        double json = -1;
        for (MediaType type : MediaType.parseMediaTypes(accept)) {
            if (type.equalsTypeAndSubtype(MediaType.APPLICATION_OCTET_STREAM)) {
                binary = Math.max(binary, type.getQualityValue());
            } else if (type.equalsTypeAndSubtype(MediaType.APPLICATION_JSON)) {
                json = Math.max(json, type.getQualityValue());
            }
        }
        return binary > json;
    }

    @GetMapping(CONNECTION + "/sack")
    @Operation(summary = "Live AT+MIPSACK: bytes sent, acknowledged, not acknowledged, received")
    public SackDto sack(@PathVariable String moduleId, @PathVariable int connectId) {
        ModuleClient client = modules.client(moduleId);
        ModuleAccess.pathConnectId(client, connectId);
        if (!client.capabilities().sack()) {
            throw new UnsupportedOnModelException("AT+MIPSACK", client.capabilities().model());
        }
        return SackDto.of(Await.result(client.sack(connectId)));
    }

    @PutMapping(CONNECTION + "/mode")
    @Operation(summary = "Switch the access mode (AT+MIPMODE)", description = "Switching a buffered connection to"
            + " normal flushes the module's buffer into the receive queue.")
    public ConnectionDto mode(@PathVariable String moduleId, @PathVariable int connectId,
                              @Valid @RequestBody ModeRequest request) {
        ModuleClient client = modules.client(moduleId);
        ModuleAccess.pathConnectId(client, connectId);
        if (request.accessMode() == io.mipgate.api.dto.ApiAccessMode.transparent && !client.capabilities().transparent()) {
            throw new UnsupportedOnModelException("transparent access mode", client.capabilities().model());
        }
        return ConnectionDto.of(moduleId, Await.result(client.setMode(connectId, request.accessMode().toDomain())));
    }

    @DeleteMapping(CONNECTION)
    @Operation(summary = "Close (AT+MIPCLOSE)", description = "mode is accepted only by models with a configurable"
            + " close mode (ML307G); elsewhere it answers 422.")
    public CloseResponse close(@PathVariable String moduleId, @PathVariable int connectId,
                               @RequestParam(required = false) ApiCloseMode mode) {
        ModuleClient client = modules.client(moduleId);
        ModuleAccess.pathConnectId(client, connectId);
        CloseOutcome outcome = Await.result(client.close(connectId, mode == null ? null : mode.toDomain()));
        return new CloseResponse(outcome.retCode(), ConnectionDto.of(moduleId, outcome.connection()));
    }
}
