package io.mipgate.at.decode;

import static io.mipgate.at.decode.DecoderHarness.ascii;
import static org.assertj.core.api.Assertions.assertThat;

import io.mipgate.domain.Protocol;
import io.mipgate.at.decode.Information.MipRdDataLine;
import io.mipgate.at.decode.Urc.DataReceived;
import org.junit.jupiter.api.Test;

/**
 * {@link CountedPayload} on its own: what each read consumes and which outcome it reports to the decoder. The
 * decoder-level behaviour (every split, every byte value) is in {@link CountedPayloadTest}.
 */
class CountedPayloadOutcomeTest {

    private final CountedPayload payload = new CountedPayload();

    @Test
    void zero_length_is_complete_at_start() {
        assertThat(payload.start(20, true, 1, 0, Protocol.TCP, 0, false)).isTrue();
        assertThat(payload.take()).isEqualTo(new DataReceived(1, Protocol.TCP, new byte[0]));
    }

    @Test
    void raw_data_takes_exactly_its_length_across_reads() {
        payload.start(20, false, 2, 7, null, 4, false);
        byte[] input = ascii("a\r\nbXYZ");
        assertThat(payload.read(input, 0, 2)).isEqualTo(2);
        assertThat(payload.outcome()).isEqualTo(CountedPayload.MORE);
        assertThat(payload.read(input, 2, input.length)).isEqualTo(4);
        assertThat(payload.outcome()).isEqualTo(CountedPayload.COMPLETE);
        assertThat(payload.take()).isEqualTo(new MipRdDataLine(2, 7, ascii("a\r\nb")));
    }

    @Test
    void hex_digit_pair_split_between_reads() {
        payload.start(20, true, 0, 0, Protocol.UDP, 2, true);
        byte[] input = ascii("0aFf");
        assertThat(payload.read(input, 0, 1)).isEqualTo(1);
        assertThat(payload.read(input, 1, 3)).isEqualTo(3);
        assertThat(payload.outcome()).isEqualTo(CountedPayload.MORE);
        assertThat(payload.read(input, 3, 4)).isEqualTo(4);
        assertThat(payload.outcome()).isEqualTo(CountedPayload.COMPLETE);
        assertThat(payload.take()).isEqualTo(new DataReceived(0, Protocol.UDP, new byte[] {0x0a, (byte) 0xff}));
    }

    @Test
    void bad_hex_digit_stops_before_it_and_counts_header_quote_and_digits() {
        payload.start(20, true, 0, 0, Protocol.TCP, 4, true);
        byte[] input = ascii("\"0a1\r\n");
        assertThat(payload.read(input, 0, input.length)).isEqualTo(4);
        assertThat(payload.outcome()).isEqualTo(CountedPayload.BAD_HEX);
        assertThat(payload.discardLength()).isEqualTo(20 + 1 + 3);
    }

    @Test
    void quoted_hex_closing_quote_is_taken_or_forgiven() {
        payload.start(20, true, 0, 0, Protocol.TCP, 1, true);
        byte[] quoted = ascii("\"41\"");
        assertThat(payload.read(quoted, 0, 3)).isEqualTo(3);
        assertThat(payload.outcome()).isEqualTo(CountedPayload.MORE);
        assertThat(payload.read(quoted, 3, 4)).isEqualTo(4);
        assertThat(payload.outcome()).isEqualTo(CountedPayload.COMPLETE);

        payload.start(20, true, 0, 0, Protocol.TCP, 1, true);
        byte[] unclosed = ascii("\"41\r");
        assertThat(payload.read(unclosed, 0, 3)).isEqualTo(3);
        assertThat(payload.read(unclosed, 3, 4)).isEqualTo(3);
        assertThat(payload.outcome()).isEqualTo(CountedPayload.COMPLETE);
    }

    @Test
    void raw_field_variant_is_unquoted_by_two_bytes_of_look_ahead() {
        payload.start(20, true, 5, 0, Protocol.TCP, 3, false);
        byte[] input = ascii("\"abc\"");
        assertThat(payload.read(input, 0, 3)).isEqualTo(3);
        assertThat(payload.read(input, 3, 5)).isEqualTo(4);
        assertThat(payload.read(input, 4, 5)).isEqualTo(5);
        assertThat(payload.outcome()).isEqualTo(CountedPayload.COMPLETE);
        assertThat(payload.take()).isEqualTo(new DataReceived(5, Protocol.TCP, ascii("abc")));
    }

    @Test
    void raw_data_starting_with_a_quote_hands_back_the_look_ahead_byte() {
        payload.start(20, true, 5, 0, Protocol.TCP, 3, false);
        byte[] input = ascii("\"ab\r\n");
        assertThat(payload.read(input, 0, input.length)).isEqualTo(3);
        assertThat(payload.read(input, 3, input.length)).isEqualTo(4);
        assertThat(payload.read(input, 4, input.length)).isEqualTo(4);
        assertThat(payload.outcome()).isEqualTo(CountedPayload.COMPLETE_HOLDING);
        assertThat(payload.heldByte()).isEqualTo((byte) '\r');
        assertThat(payload.take()).isEqualTo(new DataReceived(5, Protocol.TCP, ascii("\"ab")));
    }
}
