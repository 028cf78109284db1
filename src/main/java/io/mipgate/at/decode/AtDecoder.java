package io.mipgate.at.decode;

import io.mipgate.domain.AccessMode;
import io.mipgate.domain.Protocol;
import io.mipgate.domain.RecvFormat;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Incremental, binary-safe decoder of everything a OneMO module sends on its AT port (STYLE §1–§4).
 *
 * <p>A push parser: {@link #feed} takes chunks of any size and emits typed {@link AtEvent}s to the sink, the same
 * events for any split of the same bytes (transparent data aside, which is coalesced per chunk). Lines end on CR, LF
 * or CR LF and are collected in one reusable buffer. After {@code +MIPURC: "rtcp"|"rudp",<id>,<len>,} (normal mode)
 * or {@code +MIPRD: <id>,<unread>,<len>,} the decoder reads exactly {@code len} bytes, or {@code 2×len} HEX digits,
 * as data, whatever they contain ({@link CountedPayload}); so it does after the line end of the legacy
 * {@code +MIPURC: "recv",<id>,<len>}, whose raw bytes follow CR LF (FIELD-NOTES §14). The legacy {@code <id>,<words>}
 * reports become the events of the current dialect ({@link ConnectionReportLine}). The decoder itself frames lines,
 * dispatches between its states, tracks the command in flight and the connections' formats. It never throws on input:
 * what it cannot use becomes {@link AtEvent.Discarded} and decoding resumes at the next line. Every step consumes at
 * least one byte or waits for more.
 *
 * <p>Not thread-safe: one owner (the port's worker) feeds it and configures it, possibly from inside the sink.
 */
public final class AtDecoder {

    /** Longest line kept; a longer one (outside a counted payload) is discarded up to its end. */
    public static final int MAX_LINE = 4096;
    /** Largest announced payload believed; a larger length is a damaged header. */
    public static final int MAX_PAYLOAD = 65536;

    /** {@code RECV_LF}: a legacy {@code "recv"} header ended with CR; an LF may follow before the payload. */
    private enum State { LINE, SKIP_LINE, RECV_LF, PAYLOAD, AFTER_PAYLOAD, TRANSPARENT }

    /** @param protocol null where the worker has not said: the legacy {@code "recv"} names none, TCP is assumed */
    private record Connection(Protocol protocol, AccessMode mode, RecvFormat format) {
    }

    private static final Connection DEFAULT_CONNECTION = new Connection(null, AccessMode.NORMAL, RecvFormat.ASCII);

    private final AtEventSink sink;
    private final LineInterpreter interpreter = new LineInterpreter();
    private final MipUrcParser urcParser = new MipUrcParser();
    private final TransparentScanner transparent = new TransparentScanner();
    private final CountedPayload payload = new CountedPayload();
    private final Map<Integer, Connection> connections = new HashMap<>();
    private final StatsCounter stats = new StatsCounter();
    private final ByteRun line = new ByteRun(256);
    private final byte[] single = new byte[1];

    private State state = State.LINE;
    private ResponseExpectation expectation;
    private boolean promptSeen;
    /** A CR ended the last line: an LF right after it is part of that line end. */
    private boolean skipLf;
    private int strayRun;
    private int commas;

    public AtDecoder(AtEventSink sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    public void feed(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        stats.bytesIn += length;
        int pos = offset;
        int end = offset + length;
        while (pos < end) {
            State before = state;
            int next = switch (state) {
                case LINE -> lineBytes(data, pos, end);
                case SKIP_LINE -> skipLine(data, pos, end);
                case RECV_LF -> recvLineFeed(data[pos], pos);
                case PAYLOAD -> payloadBytes(data, pos, end);
                case AFTER_PAYLOAD -> afterPayload(data[pos], pos);
                case TRANSPARENT -> transparentBytes(data, pos, end);
            };
            if (next <= pos && state == before) {
                // Progress guard (Netty's callDecode): unreachable by design, but never spin.
                discard(1, "decoder made no progress");
                next = pos + 1;
            }
            pos = next;
        }
        flushTransparent();
    }

    public void feed(ByteBuffer data) {
        if (data.hasArray()) {
            int n = data.remaining();
            feed(data.array(), data.arrayOffset() + data.position(), n);
            data.position(data.position() + n);
            return;
        }
        byte[] chunk = new byte[Math.min(data.remaining(), 8192)];
        while (data.hasRemaining()) {
            int n = Math.min(chunk.length, data.remaining());
            data.get(chunk, 0, n);
            feed(chunk, 0, n);
        }
    }

    public void expect(ResponseExpectation expectation) {
        this.expectation = Objects.requireNonNull(expectation, "expectation");
        this.promptSeen = false;
    }

    public void clearExpectation() {
        expectation = null;
    }

    /** The expectation in force, null when no command is in flight (or its final result was decoded). */
    public ResponseExpectation expectation() {
        return expectation;
    }

    public void connection(int connectId, AccessMode mode, RecvFormat format) {
        Connection known = connections.get(connectId);
        connection(connectId, known == null ? null : known.protocol(), mode, format);
    }

    /** As {@link #connection(int, AccessMode, RecvFormat)}, with the protocol a legacy {@code "recv"} stands for. */
    public void connection(int connectId, Protocol protocol, AccessMode mode, RecvFormat format) {
        connections.put(connectId,
                new Connection(protocol, Objects.requireNonNull(mode), Objects.requireNonNull(format)));
    }

    public void forgetConnection(int connectId) {
        connections.remove(connectId);
    }

    /** The worker wrote {@code +++}: the next CR LF {@code OK} CR LF ends transparent mode. Ignored otherwise. */
    public void escapeSent() {
        if (state == State.TRANSPARENT) {
            transparent.armEscape();
        }
    }

    public boolean isTransparent() {
        return state == State.TRANSPARENT;
    }

    /** Drops partial state (line, payload, transparent mode, expectation); connection formats are kept. */
    public void reset() {
        state = State.LINE;
        expectation = null;
        promptSeen = false;
        skipLf = false;
        strayRun = 0;
        payload.clear();
        transparent.reset();
        newLine();
    }

    public DecoderStats stats() {
        return stats.snapshot();
    }

    // ---- lines ----------------------------------------------------------------------------------------------

    private int lineBytes(byte[] data, int pos, int end) {
        int start = pos;
        for (int i = pos; i < end; i++) {
            byte b = data[i];
            if (b == '\r' || b == '\n') {
                line.add(data, start, i);
                boolean lfOfCrLf = b == '\n' && skipLf;
                skipLf = b == '\r';
                if (!lfOfCrLf || line.length() > 0 || strayRun > 0) {
                    completeLine();
                }
                return i + 1;
            }
            if (b == '+') {
                line.add(data, start, i);
                start = i;
                if (endsUnterminatedUrc()) {
                    completeLine(); // the '+' starts the next line
                }
            }
            int length = line.length() + (i - start);
            if (length == 0) {
                skipLf = false;
                if (b < 0x20 || b >= 0x7F) {
                    strayRun++;
                    start = i + 1;
                    continue;
                }
                flushStray();
                if (b == '>' && expectation != null && expectation.prompt() && !promptSeen) {
                    promptSeen = true;
                    emit(new AtEvent.Prompt());
                    return i + 1;
                }
            } else if (length >= MAX_LINE) {
                line.clear();
                discard(MAX_LINE + 1, "overlong line");
                stats.overlongLines++;
                state = State.SKIP_LINE;
                newLine();
                return i + 1;
            }
            if (b == ',') {
                line.add(data, start, i + 1);
                start = i + 1;
                if (comma()) {
                    return i + 1;
                }
            }
        }
        line.add(data, start, end);
        return end;
    }

    /**
     * Whether the line so far is a complete {@code +MIPURC:} notice that the module ran into the next line without a
     * line end (FIELD-NOTES §4, §16): outside a counted payload such a line holds only a quoted word and numbers, so a
     * {@code +} in it can only begin the next line.
     */
    private boolean endsUnterminatedUrc() {
        return line.length() > MipUrcParser.MIPURC.length
                && MipUrcParser.startsWith(line.array(), line.length(), MipUrcParser.MIPURC);
    }

    private int skipLine(byte[] data, int pos, int end) {
        for (int i = pos; i < end; i++) {
            if (data[i] == '\r' || data[i] == '\n') {
                stats.discardedBytes += i - pos;
                skipLf = data[i] == '\r';
                state = State.LINE;
                return i + 1;
            }
        }
        stats.discardedBytes += end - pos;
        return end;
    }

    private void flushStray() {
        if (strayRun > 0) {
            int n = strayRun;
            strayRun = 0;
            discard(n, "stray bytes");
        }
    }

    private void newLine() {
        line.clear();
        commas = 0;
    }

    /** A comma was appended: at the third one of a data line, switch to the counted payload. */
    private boolean comma() {
        commas++;
        if (commas != 3) {
            return false;
        }
        byte[] bytes = line.array();
        int length = line.length();
        if (MipUrcParser.startsWith(bytes, length, MipUrcParser.MIPURC)) {
            if (!urcParser.urcDataHeader(bytes, length) || urcParser.length > MAX_PAYLOAD) {
                return false;
            }
            Connection connection = connections.getOrDefault(urcParser.id, DEFAULT_CONNECTION);
            boolean notice = urcParser.word == MipUrcParser.RTCP
                    ? connection.mode() == AccessMode.STREAM_BUFFER
                    : connection.mode() == AccessMode.PACKET_BUFFER;
            if (notice) {
                return false;
            }
            startPayload(true, urcParser.id, 0, MipUrcParser.protocolOf(urcParser.word), urcParser.length,
                    connection.format());
            return true;
        }
        if (MipUrcParser.startsWith(bytes, length, MipUrcParser.MIPRD)) {
            if (!urcParser.rdDataHeader(bytes, length) || urcParser.length > MAX_PAYLOAD) {
                return false;
            }
            Connection connection = connections.getOrDefault(urcParser.id, DEFAULT_CONNECTION);
            startPayload(false, urcParser.id, urcParser.unread, null, urcParser.length, connection.format());
            return true;
        }
        return false;
    }

    private void completeLine() {
        flushStray();
        int length = line.length();
        byte[] bytes = line.array();
        int from = 0;
        int to = length;
        while (from < to && (bytes[from] == ' ' || bytes[from] == '\t')) {
            from++;
        }
        while (to > from && (bytes[to - 1] == ' ' || bytes[to - 1] == '\t')) {
            to--;
        }
        if (from == to) {
            newLine();
            return;
        }
        AtEvent event = null;
        if (from == 0 && MipUrcParser.startsWith(bytes, to, MipUrcParser.MIPURC)) {
            if (urcParser.recvHeader(bytes, to) && urcParser.length <= MAX_PAYLOAD) {
                startRecvPayload();
                return;
            }
            event = urcParser.urcLine(bytes, to);
        }
        if (event == null) {
            String text = new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
            ConnectionReportLine report = bytes[from] >= '0' && bytes[from] <= '9'
                    ? ConnectionReportLine.parse(text) : null;
            if (report != null) {
                newLine();
                report.events(expectation, text).forEach(this::dispatch);
                return;
            }
            event = interpreter.interpret(text, length, expectation);
        }
        newLine();
        dispatch(event);
    }

    private void dispatch(AtEvent event) {
        if (event instanceof FinalResult) {
            expectation = null;
        } else if (event instanceof AtEvent.Connect) {
            transparent.reset();
            state = State.TRANSPARENT;
        }
        emit(event);
    }

    // ---- counted payloads -----------------------------------------------------------------------------------

    private void startPayload(boolean urc, int id, int unread, Protocol protocol, int length, RecvFormat format) {
        int headerLength = line.length();
        newLine();
        if (payload.start(headerLength, urc, id, unread, protocol, length, format == RecvFormat.HEX)) {
            emitPayload();
        } else {
            state = State.PAYLOAD;
        }
    }

    /** The header line is complete; its raw payload starts after the line end (CR LF, or a lone LF). */
    private void startRecvPayload() {
        Connection connection = connections.getOrDefault(urcParser.id, DEFAULT_CONNECTION);
        Protocol protocol = connection.protocol() == null ? Protocol.TCP : connection.protocol();
        int headerLength = line.length();
        int id = urcParser.id;
        int length = urcParser.length;
        newLine();
        if (payload.start(headerLength, true, id, 0, protocol, length, false, false)) {
            emitPayload();
        } else {
            state = skipLf ? State.RECV_LF : State.PAYLOAD;
        }
        skipLf = false;
    }

    private int recvLineFeed(byte b, int pos) {
        state = State.PAYLOAD;
        return b == '\n' ? pos + 1 : pos;
    }

    private int payloadBytes(byte[] data, int pos, int end) {
        int next = payload.read(data, pos, end);
        switch (payload.outcome()) {
            case CountedPayload.COMPLETE -> emitPayload();
            case CountedPayload.COMPLETE_HOLDING -> {
                byte held = payload.heldByte();
                emitPayload();
                firstAfterPayload(held);
            }
            case CountedPayload.BAD_HEX -> {
                state = State.LINE;
                discard(payload.discardLength(), "bad HEX payload");
            }
            default -> {
                // more to come
            }
        }
        return next;
    }

    private int afterPayload(byte b, int pos) {
        state = State.LINE;
        if (b == '\r' || b == '\n') {
            skipLf = b == '\r';
            return pos + 1;
        }
        return pos; // line end missing: whatever follows starts a new line
    }

    /** A byte the payload looked ahead at and did not take: the first one after it, from an earlier chunk. */
    private void firstAfterPayload(byte b) {
        single[0] = b;
        if (afterPayload(b, 0) == 0) {
            lineBytes(single, 0, 1);
        }
    }

    private void emitPayload() {
        state = State.AFTER_PAYLOAD;
        stats.payloadBytes += payload.length();
        emit(payload.take());
    }

    // ---- transparent mode -----------------------------------------------------------------------------------

    private int transparentBytes(byte[] data, int pos, int end) {
        int i = pos;
        if (skipLf) {
            skipLf = false;
            if (data[i] == '\n') {
                return i + 1; // the LF of CONNECT's line end
            }
        }
        int next = transparent.scan(data, i, end);
        int marker = transparent.marker();
        if (marker == TransparentScanner.NO_MARKER) {
            return next;
        }
        flushTransparent();
        state = State.LINE;
        if (marker == TransparentScanner.ESCAPE_OK) {
            dispatch(new FinalResult.Ok());
        } else {
            byte[] header = TransparentScanner.DISCONN_MARKER;
            line.add(header, 2, header.length);
            commas = 1;
        }
        return next;
    }

    private void flushTransparent() {
        if (!transparent.data().isEmpty()) {
            byte[] bytes = transparent.takeData();
            stats.transparentBytes += bytes.length;
            emit(new AtEvent.TransparentData(bytes));
        }
    }

    // ---- output ---------------------------------------------------------------------------------------------

    private void discard(int length, String reason) {
        emit(new AtEvent.Discarded(length, reason));
    }

    private void emit(AtEvent event) {
        stats.count(event);
        sink.onEvent(event);
    }
}
