package io.mipgate.at.decode;

import static io.mipgate.at.decode.DecoderHarness.ascii;
import static io.mipgate.at.decode.DecoderHarness.concat;
import static io.mipgate.at.decode.DecoderHarness.script;
import static org.assertj.core.api.Assertions.assertThat;

import io.mipgate.domain.AccessMode;
import io.mipgate.domain.Protocol;
import io.mipgate.domain.RecvFormat;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The older ML302 / ML305 output (FIELD-NOTES §14), as OneOS, RT-Thread and TobudOS expect it, decoded into the events
 * of the manual's dialect: every script whole, byte by byte and split at every offset.
 */
class LegacyDialectShapesTest {

    static final AtEvent OK = new FinalResult.Ok();
    static final AtEvent PROMPT = new AtEvent.Prompt();

    static ResponseExpectation promptedSend(int length) {
        return ResponseExpectation.prompt("AT+MIPSEND", length);
    }

    static ResponseExpectation close() {
        return new ResponseExpectation("AT+MIPCLOSE", Set.of(), false, false, Set.of(ConnectionReport.CLOSE_OK), 0);
    }

    @Test
    void connect_results_follow_the_ok_of_the_open() {
        assertThat(script()
                .expect(ResponseExpectation.of("AT+MIPOPEN")).lines("OK", "0,CONNECT OK")
                .expect(ResponseExpectation.of("AT+MIPOPEN")).lines("OK", "+MIPURC: \"STATE\",1,2", "1,CONNECT FAIL",
                        "1, CLOSED")
                .decodesSameForAnySplit()).containsExactly(
                OK, new Urc.MipOpenResult(0, 0),
                OK, new Urc.Disconnected(1, 2), new Urc.MipOpenResult(1, ConnectionReportLine.CONNECT_FAIL_RESULT),
                new Urc.Disconnected(1, 1));
    }

    @Test
    void send_ok_ends_a_prompted_send_with_the_announced_count() {
        assertThat(script()
                .expect(promptedSend(10)).module(ascii("\r\n>"))
                .lines("0,SEND OK")
                .expect(promptedSend(5)).lines("+MIPURC: \"recv\",2,3")
                .module(ascii("\r\n>"))
                .module(ascii("\r\n> "))
                .lines("2,SEND FAIL")
                .decodesSameForAnySplit()).containsExactly(
                PROMPT, new Information.MipSendLine(0, 10), OK,
                new Urc.DataReceived(2, Protocol.TCP, ascii("\r\n>")), PROMPT, new FinalResult.Error());
    }

    @Test
    void a_send_report_with_no_send_in_flight_ends_nothing() {
        assertThat(script().lines("0,SEND OK").expect(ResponseExpectation.of("AT")).lines("OK")
                .decodesSameForAnySplit()).containsExactly(new Urc.OtherUrc("SEND OK", "0,SEND OK"), OK);
    }

    @Test
    void close_ok_is_both_the_close_result_and_the_end_of_the_command() {
        assertThat(script()
                .expect(close()).lines("3,CLOSE OK")
                .expect(close()).lines("OK", "4,CLOSE OK")
                .decodesSameForAnySplit()).containsExactly(
                new Urc.MipCloseResult(3, OptionalInt.empty()), OK,
                OK, new Urc.MipCloseResult(4, OptionalInt.empty()));
    }

    @Test
    void recv_payload_is_counted_and_may_hold_anything() {
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        byte[] lookalike = ascii("\r\nOK\r\n0,CLOSED\r\n+MIPURC: \"recv\",0,9\r\n");
        assertThat(script()
                .act(d -> d.connection(1, Protocol.UDP, AccessMode.NORMAL, RecvFormat.HEX))
                .module(concat(ascii("\r\n+MIPURC: \"recv\",0,256\r\n"), binary))
                .module(concat(ascii("\r\n+MIPURC: \"recv\",1," + lookalike.length + "\r\n"), lookalike, ascii("\r\n")))
                .module(concat(ascii("+MIPURC: \"recv\",0,2\n"), ascii("\n\n")))
                .lines("+MIPURC: \"state\",0,1", "0,CLOSED")
                .decodesSameForAnySplit()).containsExactly(
                new Urc.DataReceived(0, Protocol.TCP, binary),
                new Urc.DataReceived(1, Protocol.UDP, lookalike),
                new Urc.DataReceived(0, Protocol.TCP, ascii("\n\n")),
                new Urc.Disconnected(0, 1), new Urc.Disconnected(0, 1));
    }

    @Test
    void dns_results_of_both_outcomes() {
        ResponseExpectation lookup = ResponseExpectation.of("AT+MDNSGIP");
        assertThat(script()
                .expect(lookup).lines("+MDNSGIP: 0,\"www.baidu.com\",\"39.156.66.14\",\"39.156.66.18\"", "OK")
                .expect(lookup).lines("+MDNSGIP: 1,8", "OK")
                .decodesSameForAnySplit()).containsExactly(
                new Urc.DnsResult("www.baidu.com", List.of("39.156.66.14", "39.156.66.18")), OK,
                new Urc.DnsResult("", List.of()), OK);
    }

    @Test
    void report_words_inside_other_lines_are_not_reports() {
        assertThat(script()
                .expect(ResponseExpectation.text("ATI")).lines("12,SEND OKAY", "A,CLOSED", "123,CLOSED", "ML302A")
                .lines("OK")
                .decodesSameForAnySplit()).containsExactly(
                new Information.TextLine("12,SEND OKAY"), new Information.TextLine("A,CLOSED"),
                new Information.TextLine("123,CLOSED"), new Information.TextLine("ML302A"), OK);
    }
}
