package io.mipgate.at.decode;

import static io.mipgate.at.decode.DecoderHarness.ascii;
import static io.mipgate.at.decode.DecoderHarness.concat;
import static io.mipgate.at.decode.DecoderHarness.script;
import static org.assertj.core.api.Assertions.assertThat;

import io.mipgate.domain.AccessMode;
import io.mipgate.domain.Protocol;
import io.mipgate.domain.RecvFormat;
import io.mipgate.at.decode.Information.MipRdDataLine;
import io.mipgate.at.decode.Urc.DataReceived;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Counted payloads (STYLE §3): raw and HEX, CR LF and friends inside, quoted field variants, damaged headers. */
class CountedPayloadTest {

    static final AtEvent OK = new FinalResult.Ok();

    static byte[] allByteValues() {
        byte[] bytes = new byte[256];
        for (int i = 0; i < 256; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    @Test
    void raw_payload_with_every_byte_value() {
        byte[] data = allByteValues();
        assertThat(script()
                .module(concat(ascii("\r\n+MIPURC: \"rtcp\",3,256,"), data, ascii("\r\n")))
                .module(concat(ascii("\r\n+MIPURC: \"rudp\",1,256,"), data, ascii("\r\n")))
                .decodesSameForAnySplit()).containsExactly(
                new DataReceived(3, Protocol.TCP, data), new DataReceived(1, Protocol.UDP, data));
    }

    @Test
    void hex_payload_upper_and_lower_case() {
        assertThat(script()
                .act(d -> d.connection(0, AccessMode.NORMAL, RecvFormat.HEX))
                .lines("+MIPURC: \"rtcp\",0,5,48454C4C4F", "+MIPURC: \"rtcp\",0,3,0d0aff", "+MIPURC: \"rtcp\",0,0,")
                .decodesSameForAnySplit()).containsExactly(
                new DataReceived(0, Protocol.TCP, ascii("HELLO")),
                new DataReceived(0, Protocol.TCP, new byte[] {13, 10, -1}),
                new DataReceived(0, Protocol.TCP, new byte[0]));
    }

    @Test
    void blanks_after_commas_in_the_header() {
        assertThat(script()
                .lines("+MIPURC: \"rtcp\", 0 , 3,a,b", "+MIPRD:0, 0,2, \r", "+MIPURC: \"rudp\",0,2, x")
                .decodesSameForAnySplit()).containsExactly(
                new DataReceived(0, Protocol.TCP, ascii("a,b")), new MipRdDataLine(0, 0, ascii(" \r")),
                new DataReceived(0, Protocol.UDP, ascii(" x")));
    }

    @Test
    void buffer_mode_decides_notice_versus_data_for_the_same_bytes() {
        String line = "+MIPURC: \"rtcp\",0,10,10";
        byte[] bytes = concat(DecoderHarness.wire(line + "abcdefghi"));
        assertThat(script().module(bytes).decodesSameForAnySplit())
                .containsExactly(new DataReceived(0, Protocol.TCP, ascii("10abcdefgh")),
                        new AtEvent.Discarded(1, "unexpected text"));
        assertThat(script().act(d -> d.connection(0, AccessMode.STREAM_BUFFER, RecvFormat.ASCII))
                .lines(line).decodesSameForAnySplit())
                .containsExactly(new Urc.StreamBuffered(0, 10, 10));
        assertThat(script().act(d -> d.connection(0, AccessMode.STREAM_BUFFER, RecvFormat.HEX))
                .lines("+MIPURC: \"rudp\",0,2,6869").decodesSameForAnySplit())
                .as("rudp of a stream-buffer id is still data")
                .containsExactly(new DataReceived(0, Protocol.UDP, ascii("hi")));
    }

    @Test
    void quoted_miprd_data_in_hex_and_raw() {
        assertThat(script()
                .act(d -> d.connection(0, AccessMode.STREAM_BUFFER, RecvFormat.HEX))
                .act(d -> d.connection(1, AccessMode.STREAM_BUFFER, RecvFormat.ASCII))
                .expect(ResponseExpectation.of("AT+MIPRD=0,512", "+MIPRD"))
                .lines("+MIPRD: 0,1,2,\"4142\"", "+MIPRD: 0,0,2,4344", "OK")
                .expect(ResponseExpectation.of("AT+MIPRD=1,512", "+MIPRD"))
                .lines("+MIPRD: 1,3,3,\"a\"\"\"", "+MIPRD: 1,2,3,\"ab", "+MIPRD: 1,1,2,\"\r\n\"", "+MIPRD: 1,0,3,\"\r\n\"", "OK")
                .decodesSameForAnySplit()).containsExactly(
                new MipRdDataLine(0, 1, ascii("AB")), new MipRdDataLine(0, 0, ascii("CD")), OK,
                new MipRdDataLine(1, 3, ascii("a\"\"")),
                new MipRdDataLine(1, 2, ascii("\"ab")),
                new MipRdDataLine(1, 1, ascii("\r\n")),
                new MipRdDataLine(1, 0, ascii("\"\r\n")),
                new AtEvent.Discarded(1, "unexpected text"), OK);
    }

    @Test
    void bad_hex_digit_discards_the_payload_and_resynchronises() {
        assertThat(script()
                .act(d -> d.connection(0, AccessMode.NORMAL, RecvFormat.HEX))
                .module(ascii("\r\n+MIPURC: \"rtcp\",0,4,41\r\n+MIPURC: \"disconn\",0,1\r\n"))
                .decodesSameForAnySplit()).containsExactly(
                new AtEvent.Discarded(22, "bad HEX payload"), new Urc.Disconnected(0, 1));
    }

    @Test
    void missing_line_end_after_payload_starts_the_next_line() {
        assertThat(script()
                .module(ascii("\r\n+MIPURC: \"rtcp\",0,2,ab+MIPURC: \"disconn\",0,1\r\n"))
                .decodesSameForAnySplit()).containsExactly(
                new DataReceived(0, Protocol.TCP, ascii("ab")), new Urc.Disconnected(0, 1));
    }

    @Test
    void forgetting_a_connection_returns_it_to_normal_ascii() {
        assertThat(script()
                .act(d -> d.connection(0, AccessMode.NORMAL, RecvFormat.HEX))
                .lines("+MIPURC: \"rtcp\",0,1,41")
                .act(d -> d.forgetConnection(0))
                .lines("+MIPURC: \"rtcp\",0,1,41")
                .decodesSameForAnySplit()).containsExactly(
                new DataReceived(0, Protocol.TCP, ascii("A")), new DataReceived(0, Protocol.TCP, ascii("4")),
                new AtEvent.Discarded(1, "unexpected text"));
    }

    @Test
    void overlong_line_is_discarded_up_to_its_end() {
        byte[] longLine = new byte[10_000];
        java.util.Arrays.fill(longLine, (byte) 'x');
        List<AtEvent> events = script()
                .module(concat(ascii("\r\n+CPIN: "), longLine, ascii("\r\nOK\r\n")))
                .whole();
        assertThat(events).containsExactly(new AtEvent.Discarded(AtDecoder.MAX_LINE + 1, "overlong line"), OK);
    }

    @Test
    void a_payload_longer_than_the_line_limit_is_fine() {
        byte[] data = new byte[8192];
        java.util.Arrays.fill(data, (byte) '\n');
        List<AtEvent> events = new ArrayList<>();
        AtDecoder decoder = new AtDecoder(events::add);
        byte[] bytes = concat(ascii("+MIPRD: 0,0,8192,"), data, ascii("\r\n"));
        decoder.feed(bytes, 0, bytes.length);
        assertThat(events).containsExactly(new MipRdDataLine(0, 0, data));
        assertThat(decoder.stats().payloadBytes()).isEqualTo(8192);
        assertThat(decoder.stats().events(MipRdDataLine.class)).isEqualTo(1);
    }

    @Test
    void stats_count_discards() {
        List<AtEvent> events = new ArrayList<>();
        AtDecoder decoder = new AtDecoder(events::add);
        byte[] bytes = ascii("\r\nhello\r\n\u00e0\r\nOK\r\n");
        decoder.feed(bytes, 0, bytes.length);
        DecoderStats stats = decoder.stats();
        assertThat(stats.bytesIn()).isEqualTo(bytes.length);
        assertThat(stats.discardedEvents()).isEqualTo(2);
        assertThat(stats.discardedBytes()).isEqualTo(6);
        assertThat(stats.events(FinalResult.Ok.class)).isEqualTo(1);
    }
}
