package io.mipgate.at.decode;

import static io.mipgate.at.decode.DecoderHarness.ascii;
import static io.mipgate.at.decode.DecoderHarness.script;
import static org.assertj.core.api.Assertions.assertThat;

import io.mipgate.at.decode.AtEvent.TransparentData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Transparent mode: everything is data until one of the two exit markers, matched across chunk boundaries. */
class TransparentModeTest {

    static final AtEvent OK = new FinalResult.Ok();
    static final AtEvent CONNECT = new AtEvent.Connect();

    @Test
    void ok_in_the_data_before_escape_is_data_and_the_escape_ok_ends_the_mode() {
        assertThat(script()
                .expect(ResponseExpectation.of("AT+MIPMODE=0,1")).lines("OK", "CONNECT")
                .module(ascii("\r\nOK\r\n+MIPOPEN: 0,0\r\n\n"))
                .act(AtDecoder::escapeSent)
                .module(ascii("tail\r\nOK\r\n"))
                .lines("+MIPCLOSE: 0")
                .decodesSameForAnySplit()).containsExactly(
                OK, CONNECT,
                new TransparentData(ascii("\r\nOK\r\n+MIPOPEN: 0,0\r\n\ntail")), OK,
                new Urc.MipCloseResult(0, java.util.OptionalInt.empty()));
    }

    @Test
    void disconn_marker_leaves_transparent_mode_at_any_time() {
        assertThat(script()
                .lines("CONNECT")
                .module(ascii("\r\n+MIPURC: \"disc\r\r\n+MIPURC: \"disconn\",0,1\r\n"))
                .lines("+MIPSTATE: 0,,,,\"INITIAL\"")
                .decodesSameForAnySplit()).containsExactly(
                CONNECT, new TransparentData(ascii("\r\n+MIPURC: \"disc\r")), new Urc.Disconnected(0, 1),
                new Urc.OtherUrc("+MIPSTATE", "+MIPSTATE: 0,,,,\"INITIAL\""));
    }

    @Test
    void near_misses_of_the_markers_are_data() {
        byte[] data = ascii("\r\r\n\r\nO\r\nOK\r\r\nOK\rX\r\n+\r\n+MIPURC: \"rtcp\",\r");
        List<AtEvent> events = script()
                .lines("CONNECT").act(AtDecoder::escapeSent)
                .module(data).module(ascii("\nx"))
                .decodesSameForAnySplit();
        assertThat(events).containsExactly(CONNECT, new TransparentData(DecoderHarness.concat(data, ascii("\nx"))));
    }

    @Test
    void a_partial_marker_is_held_back_not_emitted_and_not_lost() {
        List<AtEvent> events = new ArrayList<>();
        AtDecoder decoder = new AtDecoder(events::add);
        feed(decoder, "\r\nCONNECT\r\nabc\r\nO");
        assertThat(decoder.isTransparent()).isTrue();
        assertThat(events).containsExactly(CONNECT, new TransparentData(ascii("abc\r\nO")));
        events.clear();
        decoder.escapeSent();
        feed(decoder, "K\r\nmore\r\nO");
        assertThat(events).containsExactly(new TransparentData(ascii("K\r\nmore")));
        events.clear();
        feed(decoder, "K\r");
        assertThat(events).isEmpty();
        feed(decoder, "\n");
        assertThat(events).containsExactly(OK);
        assertThat(decoder.isTransparent()).isFalse();
    }

    @Test
    void transparent_data_is_coalesced_per_chunk() {
        List<AtEvent> events = new ArrayList<>();
        AtDecoder decoder = new AtDecoder(events::add);
        feed(decoder, "\r\nCONNECT\r\n");
        feed(decoder, "ABCDE12345");
        feed(decoder, "\u00ff\u0000");
        assertThat(events).containsExactly(CONNECT, new TransparentData(ascii("ABCDE12345")),
                new TransparentData(new byte[] {-1, 0}));
        assertThat(decoder.stats().transparentBytes()).isEqualTo(12);
    }

    private static void feed(AtDecoder decoder, String text) {
        byte[] bytes = ascii(text);
        decoder.feed(bytes, 0, bytes.length);
    }
}
