package io.mipgate.at.decode;

import io.mipgate.domain.Protocol;
import java.util.Arrays;

/**
 * The counted payload in progress (STYLE §3): the {@code len} bytes, or {@code 2×len} HEX digits, that follow
 * {@code +MIPURC: "rtcp"|"rudp",<id>,<len>,} or {@code +MIPRD: <id>,<unread>,<len>,}. CR, LF and anything else inside
 * are data; the pending length lives here, as in Netty's {@code LengthFieldBasedFrameDecoder}. Bytes are copied once,
 * straight from the fed chunk into the event's array.
 *
 * <p>{@link AtDecoder} finds the header, calls {@link #start}, hands over input with {@link #read} while the payload
 * is active and acts on the {@link #outcome()} of each read: the payload never emits, so the decoder alone owns the
 * sink, the statistics and what comes after the payload.
 */
final class CountedPayload {

    /** The payload wants more input. */
    static final int MORE = 0;
    /** Complete: {@link #take()} the data event. */
    static final int COMPLETE = 1;
    /**
     * Complete, and one look-ahead byte ({@link #heldByte()}) turned out not to be data: it is the first byte after
     * the payload and must be decoded as such.
     */
    static final int COMPLETE_HOLDING = 2;
    /** A byte that is not a HEX digit: the payload and its header ({@link #discardLength()} bytes) are dropped. */
    static final int BAD_HEX = 3;

    private enum Phase { DATA, CLOSE_QUOTE, QUOTE_CHECK, QUOTE_CHECK_2 }

    private static final byte[] HEX_VALUE = hexTable();

    private Phase phase;
    private int outcome;

    private byte[] payload;
    private int payloadPos;
    private boolean hex;
    private boolean quoted;
    /** The field variant {@code "<data>"} may occur; not after a legacy {@code "recv"}: its bytes follow a line end. */
    private boolean mayBeQuoted;
    private int pendingNibble = -1;
    private int headerLength;
    private boolean urc;
    private int id;
    private int unread;
    private Protocol protocol;
    private byte heldByte;
    private int discardLength;

    /**
     * Begins a payload whose header ({@code headerLength} bytes, up to its third comma) the decoder has just read.
     * Returns whether it is already complete (a zero length): then {@link #take()} it right away.
     */
    boolean start(int headerLength, boolean urc, int id, int unread, Protocol protocol, int length, boolean hex) {
        return start(headerLength, urc, id, unread, protocol, length, hex, true);
    }

    /** As {@link #start(int, boolean, int, int, Protocol, int, boolean)}; {@code mayBeQuoted} false: raw bytes only. */
    boolean start(int headerLength, boolean urc, int id, int unread, Protocol protocol, int length, boolean hex,
                  boolean mayBeQuoted) {
        this.mayBeQuoted = mayBeQuoted;
        this.headerLength = headerLength;
        this.urc = urc;
        this.id = id;
        this.unread = unread;
        this.protocol = protocol;
        this.payload = new byte[length];
        this.payloadPos = 0;
        this.hex = hex;
        this.quoted = false;
        this.pendingNibble = -1;
        this.phase = Phase.DATA;
        this.outcome = MORE;
        return length == 0;
    }

    /** Drops a payload in progress. */
    void clear() {
        payload = null;
        pendingNibble = -1;
    }

    /**
     * Consumes input from {@code pos} (at least one byte is available); returns the index after the last byte used,
     * which may be {@code pos} only when the read has completed the payload or dropped it ({@link #outcome()}).
     */
    int read(byte[] data, int pos, int end) {
        outcome = MORE;
        return switch (phase) {
            case DATA -> hex ? hexData(data, pos, end) : rawData(data, pos, end);
            case CLOSE_QUOTE -> closeQuote(data[pos], pos);
            case QUOTE_CHECK -> quoteCheck(data[pos], pos);
            case QUOTE_CHECK_2 -> quoteCheck2(data[pos], pos);
        };
    }

    /** What the last {@link #read} did: {@link #MORE}, {@link #COMPLETE}, {@link #COMPLETE_HOLDING} or {@link #BAD_HEX}. */
    int outcome() {
        return outcome;
    }

    /** With {@link #COMPLETE_HOLDING}: the look-ahead byte that belongs to what follows the payload. */
    byte heldByte() {
        return heldByte;
    }

    /** With {@link #BAD_HEX}: the header and HEX digits consumed for the dropped payload. */
    int discardLength() {
        return discardLength;
    }

    /** The length of the payload's data, as announced in its header. */
    int length() {
        return payload.length;
    }

    /** The data event of the completed payload; the payload is no longer active. */
    AtEvent take() {
        byte[] data = payload;
        payload = null;
        return urc ? new Urc.DataReceived(id, protocol, data) : new Information.MipRdDataLine(id, unread, data);
    }

    private int rawData(byte[] data, int pos, int end) {
        int n = Math.min(end - pos, payload.length - payloadPos);
        System.arraycopy(data, pos, payload, payloadPos, n);
        payloadPos += n;
        if (payloadPos == payload.length) {
            dataRead();
        }
        return pos + n;
    }

    private int hexData(byte[] data, int pos, int end) {
        int i = pos;
        if (mayBeQuoted && payloadPos == 0 && pendingNibble < 0 && !quoted && data[i] == '"') {
            quoted = true; // field variant: quoted data; a quote cannot be a HEX digit
            i++;
        }
        byte[] out = payload;
        int outPos = payloadPos;
        int high = pendingNibble;
        while (i < end && outPos < out.length) {
            int value = HEX_VALUE[data[i] & 0xFF];
            if (value < 0) {
                discardLength = headerLength + (quoted ? 1 : 0) + 2 * outPos + (high >= 0 ? 1 : 0);
                clear();
                outcome = BAD_HEX;
                return i; // the offending byte starts over as line input
            }
            i++;
            if (high < 0) {
                high = value;
            } else {
                out[outPos++] = (byte) (high << 4 | value);
                high = -1;
            }
        }
        payloadPos = outPos;
        pendingNibble = high;
        if (outPos == out.length) {
            dataRead();
        }
        return i;
    }

    private void dataRead() {
        if (quoted) {
            phase = Phase.CLOSE_QUOTE;
        } else if (mayBeQuoted && !hex && payload.length > 0 && payload[0] == '"') {
            phase = Phase.QUOTE_CHECK;
        } else {
            outcome = COMPLETE;
        }
    }

    /** HEX data opened with a quote: the closing quote is expected (and forgiven when missing). */
    private int closeQuote(byte b, int pos) {
        outcome = COMPLETE;
        return b == '"' ? pos + 1 : pos;
    }

    /**
     * Raw data whose first byte is a quote: either data that starts with a quote (the line ends right after
     * {@code len} bytes) or the field variant {@code "<data>"} (one more data byte, then the closing quote). Two bytes
     * of look-ahead decide: the second is a quote only in the field variant, since no line starts with a quote.
     */
    private int quoteCheck(byte b, int pos) {
        heldByte = b;
        phase = Phase.QUOTE_CHECK_2;
        return pos + 1;
    }

    private int quoteCheck2(byte b, int pos) {
        if (b == '"') {
            byte[] data = Arrays.copyOfRange(payload, 1, payload.length + 1);
            data[data.length - 1] = heldByte;
            payload = data;
            outcome = COMPLETE;
            return pos + 1;
        }
        outcome = COMPLETE_HOLDING;
        return pos; // b is read again after the held byte
    }

    private static byte[] hexTable() {
        byte[] table = new byte[256];
        Arrays.fill(table, (byte) -1);
        for (int i = 0; i < 10; i++) {
            table['0' + i] = (byte) i;
        }
        for (int i = 0; i < 6; i++) {
            table['a' + i] = (byte) (10 + i);
            table['A' + i] = (byte) (10 + i);
        }
        return table;
    }
}
