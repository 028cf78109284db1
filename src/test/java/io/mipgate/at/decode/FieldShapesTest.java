package io.mipgate.at.decode;

import static io.mipgate.at.decode.DecoderHarness.ascii;
import static io.mipgate.at.decode.DecoderHarness.concat;
import static io.mipgate.at.decode.DecoderHarness.script;
import static io.mipgate.at.decode.DecoderHarness.wire;
import static org.assertj.core.api.Assertions.assertThat;

import io.mipgate.domain.AccessMode;
import io.mipgate.domain.Protocol;
import io.mipgate.domain.RecvFormat;
import io.mipgate.at.decode.FinalResult.CmeError;
import io.mipgate.at.decode.FinalResult.CmeError.Kind;
import io.mipgate.at.decode.Information.GenericInfo;
import io.mipgate.at.decode.Information.MipSendLine;
import io.mipgate.at.decode.Information.MipStateLine;
import io.mipgate.at.decode.Information.TextLine;
import io.mipgate.at.decode.Urc.MipCloseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The shapes FIELD-NOTES §2–§4, §7.2, §8 and §10 report from real firmware. */
class FieldShapesTest {

    static final AtEvent OK = new FinalResult.Ok();
    static final AtEvent PROMPT = new AtEvent.Prompt();

    @Test
    void matready_inside_a_response_and_rebooting() {
        assertThat(script()
                .expect(ResponseExpectation.of("AT+CPMS?", "+CPMS"))
                .lines("+MATREADY", "+CPMS: \"SM\",0,50", "OK")
                .expect(ResponseExpectation.of("AT+MREBOOT")).lines("OK", "REBOOTING")
                .lines("+MATREADY", "+CPIN: READY", "+CEREG: 5,\"58BC\",\"0C03A143\",7")
                .decodesSameForAnySplit()).containsExactly(
                new Urc.ModuleReady(), new GenericInfo("+CPMS", List.of("SM", "0", "50")), OK,
                OK, new Urc.Rebooting(),
                new Urc.ModuleReady(), new Urc.OtherUrc("+CPIN", "+CPIN: READY"),
                new Urc.OtherUrc("+CEREG", "+CEREG: 5,\"58BC\",\"0C03A143\",7"));
    }

    @Test
    void first_at_after_boot_answers_19_bytes() {
        byte[] bytes = ascii("\r\n+MATREADY\r\n\r\nOK\r\n");
        assertThat(bytes).hasSize(19);
        assertThat(script().expect(ResponseExpectation.of("AT")).module(bytes).decodesSameForAnySplit())
                .containsExactly(new Urc.ModuleReady(), OK);
    }

    @Test
    void urcs_inside_another_commands_response() {
        assertThat(script()
                .expect(ResponseExpectation.of("AT+MIPSTATE=0", "+MIPSTATE"))
                .lines("+MIPCLOSE: 0", "+MIPOPEN: 1,0", "+MIPSTATE: 0,,,,\"INITIAL\"", "OK")
                .decodesSameForAnySplit()).containsExactly(
                new MipCloseResult(0, OptionalInt.empty()), new Urc.MipOpenResult(1, 0),
                new MipStateLine(0, null, null, null, "INITIAL"), OK);
    }

    @Test
    void mipopen_result_is_a_urc_even_while_mipopen_test_is_in_flight() {
        assertThat(script()
                .expect(ResponseExpectation.of("AT+MIPOPEN=?", "+MIPOPEN"))
                .lines("+MIPOPEN: 1,0", "+MIPOPEN: (0-5),,,(0-65535),(1-180),(0-3),(0-65535)", "OK")
                .decodesSameForAnySplit()).containsExactly(
                new Urc.MipOpenResult(1, 0),
                new Information.TestLine("+MIPOPEN", List.of("(0-5)", "", "", "(0-65535)", "(1-180)", "(0-3)", "(0-65535)")),
                OK);
    }

    @Test
    void urc_before_the_prompt_and_prompt_bytes_without_line_end() {
        // xiaozhi-esp32 PR #2254: +MIPURC "rudp" between AT+MIPSEND and '>'; '>' may end the chunk.
        assertThat(script()
                .expect(ResponseExpectation.prompt("AT+MIPSEND=2,163"))
                .module(concat(wire("+MIPURC: \"rudp\",2,3,a\r\n"), ascii("\r\n>")))
                .module(ascii("\r\n"))
                .lines("+MIPURC: \"disconn\",1,1", "+MIPSEND: 2,163", "OK")
                .decodesSameForAnySplit()).containsExactly(
                new Urc.DataReceived(2, Protocol.UDP, ascii("a\r\n")), PROMPT,
                new Urc.Disconnected(1, 1), new MipSendLine(2, 163), OK);
    }

    @Test
    void prompt_is_seen_even_when_the_chunk_ends_right_after_it() {
        List<AtEvent> events = new ArrayList<>();
        AtDecoder decoder = new AtDecoder(events::add);
        decoder.expect(ResponseExpectation.prompt("AT+MIPSEND=0,5"));
        decoder.feed(ascii("\r\n>"), 0, 3);
        assertThat(events).containsExactly(PROMPT);
    }

    @Test
    void prompt_with_trailing_blank_and_gt_outside_prompt_context() {
        assertThat(script()
                .expect(ResponseExpectation.prompt("AT+MIPSEND=0,5")).module(ascii("\r\n> "))
                .lines("+MIPSEND: 0,5", "OK")
                .lines(">")
                .decodesSameForAnySplit()).containsExactly(
                PROMPT, new MipSendLine(0, 5), OK, new AtEvent.Discarded(1, "unexpected text"));
    }

    @Test
    void mipsend_before_or_after_ok() {
        assertThat(script()
                .expect(ResponseExpectation.of("AT+MIPSEND=0,3,\"abc\"", "+MIPSEND")).lines("+MIPSEND: 0,3", "OK")
                .expect(ResponseExpectation.of("AT+MIPSEND=0,3,\"abc\"", "+MIPSEND")).lines("OK", "+MIPSEND: 0,3")
                .decodesSameForAnySplit()).containsExactly(
                new MipSendLine(0, 3), OK, OK, new MipSendLine(0, 3));
    }

    @Test
    void error_forms() {
        List<AtEvent> events = script()
                .expect(ResponseExpectation.of("AT+MIPCALL=1,1")).lines("+CME ERROR: 50")
                .expect(ResponseExpectation.of("AT+CPIN?")).lines("+CME ERROR: operation not allowed")
                .expect(ResponseExpectation.of("AT+CMGS")).lines("+CMS ERROR: 500")
                .expect(ResponseExpectation.of("AT+MIPLOPEN")).lines("+CIS ERROR: 1")
                .expect(ResponseExpectation.of("AT+CREG?")).lines("ERROR")
                .expect(ResponseExpectation.of("AT+MIPOPEN=0")).lines("+CME ERROR:552")
                .decodesSameForAnySplit();
        assertThat(events).containsExactly(
                CmeError.of(Kind.CME, 50),
                new CmeError(Kind.CME, OptionalInt.empty(), "operation not allowed"),
                CmeError.of(Kind.CMS, 500),
                CmeError.of(Kind.CIS, 1),
                new FinalResult.Error(),
                CmeError.of(Kind.CME, 552));
        assertThat(events).extracting(e -> e instanceof CmeError c ? c.errorName() : "-").containsExactly(
                "INCORRECT_PARAMETERS", "OPERATION_NOT_ALLOWED", "CMS_500", "CIS_1", "-", "TCPIP_ALREADY_IN_USE");
    }

    @Test
    void a_final_result_clears_the_expectation() {
        List<AtEvent> events = new ArrayList<>();
        AtDecoder decoder = new AtDecoder(events::add);
        decoder.expect(ResponseExpectation.of("AT+MIPSTATE=0", "+MIPSTATE"));
        byte[] bytes = wire("OK", "+MIPSTATE: 0,,,,\"INITIAL\"");
        decoder.feed(bytes, 0, bytes.length);
        assertThat(decoder.expectation()).isNull();
        assertThat(events).containsExactly(OK, new Urc.OtherUrc("+MIPSTATE", "+MIPSTATE: 0,,,,\"INITIAL\""));
    }

    @Test
    void several_miprd_lines_in_one_answer_with_blank_lines_between() {
        assertThat(script()
                .expect(ResponseExpectation.of("AT+MIPRD=0,512", "+MIPRD"))
                .module(ascii("\r\n+MIPRD: 0,2,3,a\nb\r\n\r\n\r\n+MIPRD: 0,1,2,\r\n\r\n\r\n+MIPRD: 0,0,1,,\r\n\r\nOK\r\n"))
                .decodesSameForAnySplit()).containsExactly(
                new Information.MipRdDataLine(0, 2, ascii("a\nb")),
                new Information.MipRdDataLine(0, 1, ascii("\r\n")),
                new Information.MipRdDataLine(0, 0, ascii(",")), OK);
    }

    @Test
    void dns_failure_quoted_or_not_and_nb_spacing() {
        assertThat(script()
                .lines("+MDNSGIP: www.baidu.com", "+MDNSGIP: \"www.baidu.com\"")
                .expect(ResponseExpectation.of("AT+MDNSGIP=?", "+MDNSGIP")).lines("+MDNSGIP:,(0-4)", "OK")
                .lines("+CEREG:5,\"60EF\"", "+MIPLEVENT:0,6")
                .decodesSameForAnySplit()).containsExactly(
                new Urc.DnsResult("www.baidu.com", List.of()), new Urc.DnsResult("www.baidu.com", List.of()),
                new Information.TestLine("+MDNSGIP", List.of("", "(0-4)")), OK,
                new Urc.OtherUrc("+CEREG", "+CEREG:5,\"60EF\""), new Urc.OtherUrc("+MIPLEVENT", "+MIPLEVENT:0,6"));
    }

    @Test
    void buffer_notices_with_and_without_the_total_and_without_their_line_end() {
        // FIELD-NOTES §8.2: "rtcp" notices carry the buffered total; §4/§16: one arrives as +MIPURC: "rtcp",0,1, cut
        // short and without its CR, ended by the next line's CR LF or run straight into the next URC.
        assertThat(script()
                .act(d -> d.connection(0, AccessMode.STREAM_BUFFER, RecvFormat.ASCII))
                .act(d -> d.connection(1, AccessMode.PACKET_BUFFER, RecvFormat.HEX))
                .lines("+MIPURC: \"rtcp\",0,10,10")
                .module(ascii("\r\n+MIPURC: \"rtcp\",0,1"))
                .lines("+MIPURC: \"rtcp\",0,4,15")
                .module(ascii("\r\n+MIPURC: \"rtcp\",0,1+MIPURC: \"rudp\",1,2\r\n"))
                .module(ascii("\r\n+MIPURC: \"rtcp\",0,3,19+MIPCLOSE: 1\r\n"))
                .module(ascii("\r\n+MIPURC: \"rudp\",1,3\n+MIPURC: \"rtcp\",0,1\r\n"))
                .decodesSameForAnySplit()).containsExactly(
                new Urc.StreamBuffered(0, 10, 10), Urc.StreamBuffered.withoutTotal(0, 1),
                new Urc.StreamBuffered(0, 4, 15),
                Urc.StreamBuffered.withoutTotal(0, 1), new Urc.PacketsBuffered(1, 2),
                new Urc.StreamBuffered(0, 3, 19), new MipCloseResult(1, OptionalInt.empty()),
                new Urc.PacketsBuffered(1, 3), Urc.StreamBuffered.withoutTotal(0, 1));
    }

    @Test
    void a_notice_without_its_total_still_tells_that_data_is_waiting() {
        assertThat(Urc.StreamBuffered.withoutTotal(0, 7).total()).as("at least what just arrived").isEqualTo(7);
        assertThat(Urc.StreamBuffered.withoutTotal(0, 7).reportedTotal()).isEmpty();
        assertThat(new Urc.StreamBuffered(0, 7, 30).total()).isEqualTo(30);
    }

    @Test
    void stray_0xE0_on_wake_is_discarded_and_the_next_line_still_decodes() {
        assertThat(script()
                .module(new byte[] {(byte) 0xE0})
                .lines("+MIPURC: \"disconn\",0,1")
                .module(concat(new byte[] {(byte) 0xE0}, ascii("+MIPOPEN: 1,0\r\n")))
                .decodesSameForAnySplit()).containsExactly(
                new AtEvent.Discarded(1, "stray bytes"), new Urc.Disconnected(0, 1),
                new AtEvent.Discarded(1, "stray bytes"), new Urc.MipOpenResult(1, 0));
    }

    @Test
    void echo_text_lines_and_unexpected_text() {
        assertThat(script()
                .expect(ResponseExpectation.text("ATI")).module(ascii("ATI\r"))
                .lines("CMIOT", "ML307R", "ML307R-DL-MBRH0S01", "OK")
                .expect(ResponseExpectation.text("AT+CGSN=1", "+CGSN")).module(ascii("at+cgsn=1\r"))
                .lines("+CGSN: 861234567890123", "OK")
                .lines("SEND OK")
                .decodesSameForAnySplit()).containsExactly(
                new AtEvent.Echo("ATI"),
                new TextLine("CMIOT"), new TextLine("ML307R"), new TextLine("ML307R-DL-MBRH0S01"), OK,
                new AtEvent.Echo("at+cgsn=1"), new GenericInfo("+CGSN", List.of("861234567890123")), OK,
                new AtEvent.Discarded(7, "unexpected text"));
    }

    @Test
    void lines_end_on_cr_lf_or_crlf_and_blank_lines_are_skipped() {
        assertThat(script()
                .expect(ResponseExpectation.of("AT+MIPSACK=0", "+MIPSACK"))
                .module(ascii("\n\n+MIPSACK: 1,1,0,2\r\r\n  \r\nOK\n"))
                .decodesSameForAnySplit()).containsExactly(new Information.MipSackLine(1, 1, 0, 2), OK);
    }

    @Test
    void damaged_lines_are_discarded_and_decoding_continues() {
        assertThat(script()
                .lines("+MIPURC: \"rtcp\",0,abc,", "+MIPOPEN: x,0", "+MIPURC: \"disconn\",0", "+MIP", "+MIPURC: \"rtcp\",0")
                .lines("+MIPURC: \"rtcp\",1,2,ok")
                .decodesSameForAnySplit()).containsExactly(
                new AtEvent.Discarded(22, "malformed +MIPURC"),
                new AtEvent.Discarded(13, "malformed +MIPOPEN"),
                new AtEvent.Discarded(20, "malformed +MIPURC"),
                new Urc.OtherUrc("+MIP", "+MIP"),
                new AtEvent.Discarded(17, "malformed +MIPURC"),
                new Urc.DataReceived(1, Protocol.TCP, ascii("ok")));
    }
}
