package io.mipgate.at.decode;

import io.mipgate.domain.Protocol;
import java.nio.charset.StandardCharsets;

/**
 * Byte-level grammar of the data-path lines: {@code +MIPURC:} in all its variants, those of the legacy ML302 / ML305
 * dialect included ({@code "recv"}, {@code "STATE"}, FIELD-NOTES §14), and the header of a {@code +MIPRD:} data line.
 * Works on the decoder's line buffer in place.
 */
final class MipUrcParser {

    static final byte[] MIPURC = ascii("+MIPURC:");
    static final byte[] MIPRD = ascii("+MIPRD:");

    static final int RTCP = 0;
    static final int RUDP = 1;
    private static final int DISCONN = 2;
    private static final int SEQ = 3;
    private static final int ACK = 4;
    private static final int DROP = 5;
    private static final int RECV = 6;
    private static final int STATE = 7;
    private static final int STATE_LOWER_CASE = 8;
    /** OneOS matches {@code "STATE"}, RT-Thread's notes spell it {@code "state"}: both are taken. */
    private static final byte[][] WORDS = {
        ascii("rtcp"), ascii("rudp"), ascii("disconn"), ascii("seq"), ascii("ack"), ascii("drop"),
        ascii("recv"), ascii("STATE"), ascii("state")
    };

    private final ByteCursor cursor = new ByteCursor();
    private final int[] ints = new int[4];

    /** Set by a successful header parse. */
    int word;
    int id;
    int unread;
    int length;

    static boolean startsWith(byte[] line, int length, byte[] prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (line[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static Protocol protocolOf(int word) {
        return word == RTCP ? Protocol.TCP : Protocol.UDP;
    }

    /** Whether the line so far, ending with its third comma, is {@code +MIPURC: "rtcp"|"rudp",<id>,<len>,}. */
    boolean urcDataHeader(byte[] line, int length) {
        ByteCursor c = cursor.at(line, MIPURC.length, length);
        int w = c.quotedWord(WORDS);
        if ((w != RTCP && w != RUDP) || !c.take(',')) {
            return false;
        }
        long connectId = c.number();
        if (connectId < 0 || !c.take(',')) {
            return false;
        }
        long count = c.number();
        if (count < 0 || !c.take(',') || !c.atEnd()) {
            return false;
        }
        this.word = w;
        this.id = (int) connectId;
        this.length = (int) count;
        return true;
    }

    /**
     * Whether the complete line is the legacy {@code +MIPURC: "recv",<id>,<len>}, whose {@code len} raw bytes follow
     * its line end.
     */
    boolean recvHeader(byte[] line, int length) {
        ByteCursor c = cursor.at(line, MIPURC.length, length);
        if (c.quotedWord(WORDS) != RECV || !c.take(',')) {
            return false;
        }
        long connectId = c.number();
        if (connectId < 0 || !c.take(',')) {
            return false;
        }
        long count = c.number();
        if (count < 0 || !c.atEnd()) {
            return false;
        }
        this.id = (int) connectId;
        this.length = (int) count;
        return true;
    }

    /** Whether the line so far, ending with its third comma, is {@code +MIPRD: <id>,<unread>,<len>,}. */
    boolean rdDataHeader(byte[] line, int length) {
        ByteCursor c = cursor.at(line, MIPRD.length, length);
        long connectId = c.number();
        if (connectId < 0 || !c.take(',')) {
            return false;
        }
        long left = c.number();
        if (left < 0 || !c.take(',')) {
            return false;
        }
        long count = c.number();
        if (count < 0 || !c.take(',') || !c.atEnd()) {
            return false;
        }
        this.id = (int) connectId;
        this.unread = (int) left;
        this.length = (int) count;
        return true;
    }

    /**
     * A complete {@code +MIPURC:} line that is not a data line: the typed URC, a {@link AtEvent.Discarded} when a
     * known variant is malformed, or null for a variant this grammar does not know (the caller reports it as
     * {@link Urc.OtherUrc}).
     */
    AtEvent urcLine(byte[] line, int length) {
        ByteCursor c = cursor.at(line, MIPURC.length, length);
        int w = c.quotedWord(WORDS);
        if (w < 0) {
            return null;
        }
        int count = 0;
        while (c.take(',')) {
            long value = c.number();
            if (count == ints.length || value < 0) {
                return malformed(length);
            }
            ints[count++] = (int) value;
        }
        if (!c.atEnd()) {
            return malformed(length);
        }
        return switch (w) {
            case RTCP -> count == 3 ? new Urc.StreamBuffered(ints[0], ints[1], ints[2])
                    : count == 2 ? Urc.StreamBuffered.withoutTotal(ints[0], ints[1]) // cut short (FIELD-NOTES §4)
                    : malformed(length);
            case RUDP -> count == 2 ? new Urc.PacketsBuffered(ints[0], ints[1]) : malformed(length);
            case DISCONN -> count == 2 ? new Urc.Disconnected(ints[0], ints[1]) : malformed(length);
            case SEQ -> count == 3 ? new Urc.SeqReport(ints[0], ints[1], ints[2]) : malformed(length);
            case ACK -> count == 2 ? new Urc.AckReport(ints[0], ints[1]) : malformed(length);
            case DROP -> count == 2 ? new Urc.DropReport(ints[0], ints[1]) : malformed(length);
            // the legacy report of a lost connection: 1 closed by the server, 2 connection exception
            case STATE, STATE_LOWER_CASE -> count == 2 ? new Urc.Disconnected(ints[0], ints[1]) : malformed(length);
            case RECV -> malformed(length); // a header the decoder did not take: its length is not believable
            default -> null;
        };
    }

    private static AtEvent.Discarded malformed(int length) {
        return new AtEvent.Discarded(length, "malformed +MIPURC");
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
