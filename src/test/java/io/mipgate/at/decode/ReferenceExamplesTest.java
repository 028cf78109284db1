package io.mipgate.at.decode;

import static io.mipgate.at.decode.DecoderHarness.ascii;
import static io.mipgate.at.decode.DecoderHarness.script;
import static org.assertj.core.api.Assertions.assertThat;

import io.mipgate.domain.AccessMode;
import io.mipgate.domain.DnsCfgOption;
import io.mipgate.domain.MipCfgOption;
import io.mipgate.domain.Protocol;
import io.mipgate.domain.RecvFormat;
import io.mipgate.at.decode.Information.GenericInfo;
import io.mipgate.at.decode.Information.MdnsCfgLine;
import io.mipgate.at.decode.Information.MipCfgLine;
import io.mipgate.at.decode.Information.MipModeLine;
import io.mipgate.at.decode.Information.MipRdDataLine;
import io.mipgate.at.decode.Information.MipRdQueryLine;
import io.mipgate.at.decode.Information.MipSackLine;
import io.mipgate.at.decode.Information.MipSendLine;
import io.mipgate.at.decode.Information.MipStateLine;
import io.mipgate.at.decode.Information.MipTkaLine;
import io.mipgate.at.decode.Information.TestLine;
import io.mipgate.at.decode.Urc.DataReceived;
import io.mipgate.at.decode.Urc.DnsResult;
import io.mipgate.at.decode.Urc.MipCloseResult;
import io.mipgate.at.decode.Urc.MipOpenResult;
import io.mipgate.at.decode.Urc.NtpResult;
import io.mipgate.at.decode.Urc.PingReply;
import io.mipgate.at.decode.Urc.PingStatistics;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every module-side line of every example in AT-REFERENCE §2 and the chapter-4 flows of §3. */
class ReferenceExamplesTest {

    static final AtEvent OK = new FinalResult.Ok();

    static ResponseExpectation exp(String command, String... prefixes) {
        return ResponseExpectation.of(command, prefixes);
    }

    @Nested
    class CommandSections {

        @Test
        void mipcfg_2_1() {
            assertThat(script()
                    .expect(exp("AT+MIPCFG=\"autofree\",0,1", "+MIPCFG")).lines("OK")
                    .expect(exp("AT+MIPCFG=\"autofree\",0", "+MIPCFG")).lines("+MIPCFG: \"autofree\",0,1", "OK")
                    .expect(exp("AT+MIPCFG=\"encoding\"", "+MIPCFG"))
                    .lines("+MIPCFG: \"encoding\",0,1,1", "+MIPCFG: \"cid\",1", "OK")
                    .decodesSameForAnySplit()).containsExactly(
                    OK,
                    new MipCfgLine(MipCfgOption.AUTOFREE, 0, List.of("1")), OK,
                    new MipCfgLine(MipCfgOption.ENCODING, 0, List.of("1", "1")),
                    new MipCfgLine(MipCfgOption.CID, 1, List.of()), OK);
        }

        @Test
        void mipcfg_test_output_of_the_field() {
            assertThat(script().expect(exp("AT+MIPCFG=?", "+MIPCFG"))
                    .lines("+MIPCFG: \"cid\",(0-5),(1-15)", "+MIPCFG: \"encoding\",(0-5),(0-2),(0-1)", "OK")
                    .decodesSameForAnySplit()).containsExactly(
                    new TestLine("+MIPCFG", List.of("cid", "(0-5)", "(1-15)")),
                    new TestLine("+MIPCFG", List.of("encoding", "(0-5)", "(0-2)", "(0-1)")), OK);
        }

        @Test
        void miptka_2_2() {
            assertThat(script()
                    .expect(exp("AT+MIPTKA=?", "+MIPTKA"))
                    .lines("+MIPTKA: (0-4), (0-1), (30-7200), (30-600), (1-9)", "OK")
                    .expect(exp("AT+MIPTKA?", "+MIPTKA"))
                    .lines("+MIPTKA: 0, 1, 90, 75, 3", "+MIPTKA: 1,0", "+MIPTKA: 2,0", "+MIPTKA: 3,0",
                            "+MIPTKA: 4,0", "OK")
                    .expect(exp("AT+MIPTKA=0", "+MIPTKA")).lines("+MIPTKA: 0,1,90,75,3", "OK")
                    .expect(exp("AT+MIPTKA=0,1,120,60,1")).lines("OK")
                    .decodesSameForAnySplit()).containsExactly(
                    new TestLine("+MIPTKA", List.of("(0-4)", "(0-1)", "(30-7200)", "(30-600)", "(1-9)")), OK,
                    new MipTkaLine(0, true, 90, 75, 3),
                    new MipTkaLine(1, false, null, null, null), new MipTkaLine(2, false, null, null, null),
                    new MipTkaLine(3, false, null, null, null), new MipTkaLine(4, false, null, null, null), OK,
                    new MipTkaLine(0, true, 90, 75, 3), OK,
                    OK);
        }

        @Test
        void mipopen_2_3() {
            assertThat(script()
                    .expect(exp("AT+MIPOPEN=?", "+MIPOPEN"))
                    .lines("+MIPOPEN: (0-4),,, (0-65535), (1-180), (0-3), (0-65535)", "OK")
                    .expect(exp("AT+MIPOPEN=0,\"TCP\",\"120.27.12.119\",2040")).lines("OK", "+MIPOPEN: 0,0")
                    .expect(exp("AT+MIPOPEN=1,\"UDP\",\"120.27.12.119\",2040")).lines("OK", "+MIPOPEN: 1,0")
                    .decodesSameForAnySplit()).containsExactly(
                    new TestLine("+MIPOPEN", List.of("(0-4)", "", "", "(0-65535)", "(1-180)", "(0-3)", "(0-65535)")),
                    OK, OK, new MipOpenResult(0, 0), OK, new MipOpenResult(1, 0));
        }

        @Test
        void mipclose_2_4() {
            assertThat(script()
                    .expect(exp("AT+MIPCLOSE=?", "+MIPCLOSE")).lines("+MIPCLOSE: (0-4), (0-3)", "OK")
                    .expect(exp("AT+MIPCLOSE=0", "+MIPCLOSE")).lines("OK", "+MIPCLOSE: 0", "+MIPCLOSE: 1,2")
                    .decodesSameForAnySplit()).containsExactly(
                    new TestLine("+MIPCLOSE", List.of("(0-4)", "(0-3)")), OK,
                    OK, new MipCloseResult(0, OptionalInt.empty()), new MipCloseResult(1, OptionalInt.of(2)));
        }

        @Test
        void mipsend_2_5() {
            assertThat(script()
                    .expect(exp("AT+MIPSEND=?", "+MIPSEND")).lines("+MIPSEND: (0-4), (0-1460),, (0-2), (1-255)", "OK")
                    .expect(exp("AT+MIPSEND=0,10,\"0123456789\"", "+MIPSEND")).lines("+MIPSEND: 0,10", "OK")
                    .expect(ResponseExpectation.prompt("AT+MIPSEND=0,10")).lines(">").lines("+MIPSEND: 0,10", "OK")
                    .decodesSameForAnySplit()).containsExactly(
                    new TestLine("+MIPSEND", List.of("(0-4)", "(0-1460)", "", "(0-2)", "(1-255)")), OK,
                    new MipSendLine(0, 10), OK,
                    new AtEvent.Prompt(), new MipSendLine(0, 10), OK);
        }

        @Test
        void miprd_2_6() {
            assertThat(script()
                    .expect(exp("AT+MIPRD=?", "+MIPRD")).lines("+MIPRD: (0-4), (0-4096)", "OK")
                    .expect(exp("AT+MIPRD=0,20", "+MIPRD")).lines("+MIPRD: 0,10,20,01234567890123456789", "OK")
                    .decodesSameForAnySplit()).containsExactly(
                    new TestLine("+MIPRD", List.of("(0-4)", "(0-4096)")), OK,
                    new MipRdDataLine(0, 10, ascii("01234567890123456789")), OK);
        }

        @Test
        void mipmode_2_7() {
            assertThat(script()
                    .expect(exp("AT+MIPMODE=?", "+MIPMODE")).lines("+MIPMODE: (0-4), (0-3), (512-1460), (100-2000)", "OK")
                    .expect(exp("AT+MIPMODE=0", "+MIPMODE")).lines("+MIPMODE: 0,0", "OK")
                    .expect(exp("AT+MIPMODE=0,2", "+MIPMODE")).lines("OK")
                    .decodesSameForAnySplit()).containsExactly(
                    new TestLine("+MIPMODE", List.of("(0-4)", "(0-3)", "(512-1460)", "(100-2000)")), OK,
                    new MipModeLine(0, AccessMode.NORMAL), OK, OK);
        }

        @Test
        void mipstate_2_8() {
            assertThat(script()
                    .expect(exp("AT+MIPSTATE?", "+MIPSTATE"))
                    .lines("+MIPSTATE: 0,\"TCP\",\"120.27.12.119\",2040,\"CONNECTED\"",
                            "+MIPSTATE: 1,\"TCP\",\"120.27.12.119\",2040,\"CONNECTING\"",
                            "+MIPSTATE: 2,,,,\"INITIAL\"",
                            "+MIPSTATE: 3,\"UDP\",\"120.27.12.119\",2040,\"CONNECTED\"",
                            "+MIPSTATE: 4,,,,\"INITIAL\"", "OK")
                    .expect(exp("AT+MIPSTATE=0", "+MIPSTATE"))
                    .lines("+MIPSTATE: 0,\"TCP\",\"120.27.12.119\",2040,\"CONNECTED\"", "OK")
                    .decodesSameForAnySplit()).containsExactly(
                    new MipStateLine(0, Protocol.TCP, "120.27.12.119", 2040, "CONNECTED"),
                    new MipStateLine(1, Protocol.TCP, "120.27.12.119", 2040, "CONNECTING"),
                    new MipStateLine(2, null, null, null, "INITIAL"),
                    new MipStateLine(3, Protocol.UDP, "120.27.12.119", 2040, "CONNECTED"),
                    new MipStateLine(4, null, null, null, "INITIAL"), OK,
                    new MipStateLine(0, Protocol.TCP, "120.27.12.119", 2040, "CONNECTED"), OK);
        }

        @Test
        void mipsack_2_9() {
            assertThat(script()
                    .expect(exp("AT+MIPSACK=?", "+MIPSACK")).lines("+MIPSACK: (0-5)", "OK")
                    .expect(exp("AT+MIPSACK=0", "+MIPSACK")).lines("+MIPSACK: 10,10,0,30", "OK")
                    .decodesSameForAnySplit()).containsExactly(
                    new TestLine("+MIPSACK", List.of("(0-5)")), OK, new MipSackLine(10, 10, 0, 30), OK);
        }

        @Test
        void mdnscfg_2_10() {
            assertThat(script()
                    .expect(exp("AT+MDNSCFG=?", "+MDNSCFG"))
                    .lines("+MDNSCFG: \"ip\",,", "+MDNSCFG: \"ipv6\",,", "+MDNSCFG: \"priority\", (0, 1)",
                            "+MDNSCFG: \"cached\", (0, 1), (1-65535)", "+MDNSCFG: \"timeout\", (1-60), (1-9)", "OK")
                    .expect(exp("AT+MDNSCFG=\"ip\",\"114.114.114.114\",\"8.8.8.8\"", "+MDNSCFG")).lines("OK")
                    .expect(exp("AT+MDNSCFG=\"ip\"", "+MDNSCFG"))
                    .lines("+MDNSCFG: \"ip\",\"114.114.114.114\",\"8.8.8.8\"", "OK")
                    .expect(exp("AT+MDNSCFG=\"ip\"", "+MDNSCFG"))
                    .lines("+MDNSCFG: \"ip\",\"183.230.126.224\",,\"183.230.126.225\"", "OK")
                    .decodesSameForAnySplit()).containsExactly(
                    new TestLine("+MDNSCFG", List.of("ip", "", "")),
                    new TestLine("+MDNSCFG", List.of("ipv6", "", "")),
                    new TestLine("+MDNSCFG", List.of("priority", "(0, 1)")),
                    new TestLine("+MDNSCFG", List.of("cached", "(0, 1)", "(1-65535)")),
                    new TestLine("+MDNSCFG", List.of("timeout", "(1-60)", "(1-9)")), OK,
                    OK,
                    new MdnsCfgLine(DnsCfgOption.IP, List.of("114.114.114.114", "8.8.8.8")), OK,
                    new MdnsCfgLine(DnsCfgOption.IP, List.of("183.230.126.224", "", "183.230.126.225")), OK);
        }

        @Test
        void mdnsgip_2_11() {
            assertThat(script()
                    .expect(exp("AT+MDNSGIP=?", "+MDNSGIP")).lines("+MDNSGIP:,(0-4)", "OK")
                    .expect(exp("AT+MDNSGIP=\"iot.10086.cn\"", "+MDNSGIP"))
                    .lines("OK", "+MDNSGIP: \"iot.10086.cn\", \"183.230.40.127\"")
                    .expect(exp("AT+MDNSGIP=\"iot.10086.cn\"", "+MDNSGIP"))
                    .lines("OK", "+MDNSGIP: \"iot.10086.cn\",\"2409:8060:8EA:601:0:3:3E:5464\"")
                    .expect(exp("AT+MDNSGIP=\"iot.10086.cn\"", "+MDNSGIP"))
                    .lines("OK", "+MDNSGIP: \"iot.10086.cn\", \"183.230.40.127\", \"2409:8060:8EA:601:0:3:3E:5464\"")
                    .decodesSameForAnySplit()).containsExactly(
                    new TestLine("+MDNSGIP", List.of("", "(0-4)")), OK,
                    OK, new DnsResult("iot.10086.cn", List.of("183.230.40.127")),
                    OK, new DnsResult("iot.10086.cn", List.of("2409:8060:8EA:601:0:3:3E:5464")),
                    OK, new DnsResult("iot.10086.cn", List.of("183.230.40.127", "2409:8060:8EA:601:0:3:3E:5464")));
        }

        @Test
        void mping_2_12() {
            assertThat(script()
                    .expect(exp("AT+MPING=?", "+MPING")).lines("+MPING:,(1-60),(1-65535),(1-1400)", "OK")
                    .expect(exp("AT+MPING=\"ipv6.sjtu.edu.cn\"", "+MPING"))
                    .lines("OK", "+MPING: 0,\"202.120.35.204\",16,607,235", "+MPING: 0,\"202.120.35.204\",16,334,235",
                            "+MPING: 0,\"202.120.35.204\",16,347,235", "+MPING: 0,\"202.120.35.204\",16,320,235",
                            "+MPING: \"statistics\", 4,0,320,607,402")
                    .decodesSameForAnySplit()).containsExactly(
                    new TestLine("+MPING", List.of("", "(1-60)", "(1-65535)", "(1-1400)")), OK,
                    OK,
                    new PingReply(0, "202.120.35.204", 16, 607, 235), new PingReply(0, "202.120.35.204", 16, 334, 235),
                    new PingReply(0, "202.120.35.204", 16, 347, 235), new PingReply(0, "202.120.35.204", 16, 320, 235),
                    new PingStatistics(4, 0, 320, 607, 402));
        }

        @Test
        void mipurc_2_14() {
            assertThat(script()
                    .lines("+MIPURC: \"rtcp\",0,10,0123456789")
                    .act(d -> d.connection(0, AccessMode.STREAM_BUFFER, RecvFormat.ASCII))
                    .lines("+MIPURC: \"rtcp\",0,10,10", "+MIPURC: \"drop\",0,10", "+MIPURC: \"disconn\",0,1",
                            "+MIPURC: \"ack\",0,10", "+MIPURC: \"seq\",0,1,0")
                    .decodesSameForAnySplit()).containsExactly(
                    new DataReceived(0, Protocol.TCP, ascii("0123456789")),
                    new Urc.StreamBuffered(0, 10, 10), new Urc.DropReport(0, 10), new Urc.Disconnected(0, 1),
                    new Urc.AckReport(0, 10), new Urc.SeqReport(0, 1, 0));
        }

        @Test
        void mntp_2_15() {
            assertThat(script()
                    .expect(exp("AT+MNTP=?", "+MNTP")).lines("+MNTP: ,(0-65535),(0,1),(1-300)", "OK")
                    .expect(exp("AT+MNTP=\"cn.ntp.org.cn\",,0", "+MNTP")).lines("OK", "+MNTP: 0,\"19/02/21,07:29:20+32\"")
                    .expect(exp("AT+CCLK?", "+CCLK")).lines("+CCLK: 19/02/21,07:35:03+32", "OK")
                    .expect(exp("AT+CCLK?", "+CCLK")).lines("+CCLK: \"19/02/21,07:35:03+32\"", "OK")
                    .expect(exp("AT+MNTP", "+MNTP")).lines("OK", "+MNTP: 2")
                    .decodesSameForAnySplit()).containsExactly(
                    new TestLine("+MNTP", List.of("", "(0-65535)", "(0,1)", "(1-300)")), OK,
                    OK, new NtpResult(0, "19/02/21,07:29:20+32"),
                    new GenericInfo("+CCLK", List.of("19/02/21", "07:35:03+32")), OK,
                    new GenericInfo("+CCLK", List.of("19/02/21,07:35:03+32")), OK,
                    OK, new NtpResult(2, null));
        }
    }

    @Nested
    class ChapterFourFlows {

        @Test
        void tcp_3_1() {
            assertThat(script()
                    .expect(exp("AT+MIPOPEN=0,\"TCP\",\"120.27.12.119\",2040")).lines("OK", "+MIPOPEN: 0,0")
                    .expect(exp("AT+MIPSTATE=0", "+MIPSTATE"))
                    .lines("+MIPSTATE: 0,\"TCP\",\"120.27.12.119\",2040,\"CONNECTED\"", "OK")
                    .expect(exp("AT+MIPSEND=0,11,\"12345678900\"", "+MIPSEND")).lines("+MIPSEND: 0,11", "OK")
                    .lines("+MIPURC: \"rtcp\",0,10,ABCDE12345")
                    .expect(exp("AT+MIPCLOSE=0")).lines("OK", "+MIPCLOSE: 0")
                    .decodesSameForAnySplit()).containsExactly(
                    OK, new MipOpenResult(0, 0),
                    new MipStateLine(0, Protocol.TCP, "120.27.12.119", 2040, "CONNECTED"), OK,
                    new MipSendLine(0, 11), OK,
                    new DataReceived(0, Protocol.TCP, ascii("ABCDE12345")),
                    OK, new MipCloseResult(0, OptionalInt.empty()));
        }

        @Test
        void udp_3_2_with_the_sea_misprint_and_its_reading() {
            String sea = "+MIPURC: \"sea\",0,1,0";
            assertThat(script()
                    .expect(exp("AT+MIPOPEN=0,\"UDP\",\"120.27.12.119\",2040")).lines("OK", "+MIPOPEN: 0,0")
                    .expect(exp("AT+MIPSTATE=0", "+MIPSTATE"))
                    .lines("+MIPSTATE: 0,\"UDP\",\"120.27.12.119\",2040,\"CONNECTED\"", "OK")
                    .expect(exp("AT+MIPSEND=0,11,\"12345678900\",0,1", "+MIPSEND")).lines("+MIPSEND: 0,11", "OK")
                    .lines(sea, "+MIPURC: \"seq\",0,1,0", "+MIPURC: \"rudp\",0,10,ABCDE12345")
                    .expect(exp("AT+MIPCLOSE=0")).lines("OK", "+MIPCLOSE: 0")
                    .decodesSameForAnySplit()).containsExactly(
                    OK, new MipOpenResult(0, 0),
                    new MipStateLine(0, Protocol.UDP, "120.27.12.119", 2040, "CONNECTED"), OK,
                    new MipSendLine(0, 11), OK,
                    new Urc.OtherUrc("+MIPURC", sea), new Urc.SeqReport(0, 1, 0),
                    new DataReceived(0, Protocol.UDP, ascii("ABCDE12345")),
                    OK, new MipCloseResult(0, OptionalInt.empty()));
        }

        @Test
        void transparent_3_3() {
            assertThat(script()
                    .expect(exp("AT+MIPOPEN=0,\"TCP\",\"120.27.12.119\",2040")).lines("OK", "+MIPOPEN: 0,0")
                    .expect(exp("AT+MIPMODE=0,1", "+MIPMODE")).lines("OK", "CONNECT")
                    .module(ascii("ABCDE12345"))
                    .act(AtDecoder::escapeSent).expect(exp("+++")).lines("OK")
                    .expect(exp("AT+MIPSACK=0", "+MIPSACK")).lines("+MIPSACK: 22,22,0,10", "OK")
                    .expect(exp("AT+MIPCLOSE=0")).lines("OK", "+MIPCLOSE: 0")
                    .decodesSameForAnySplit()).containsExactly(
                    OK, new MipOpenResult(0, 0),
                    OK, new AtEvent.Connect(),
                    new AtEvent.TransparentData(ascii("ABCDE12345")), OK,
                    new MipSackLine(22, 22, 0, 10), OK,
                    OK, new MipCloseResult(0, OptionalInt.empty()));
        }

        @Test
        void tcp_buffer_3_4() {
            assertThat(script()
                    .expect(exp("AT+MIPOPEN=0,\"TCP\",\"120.27.12.119\",2040")).lines("OK", "+MIPOPEN: 0,0")
                    .expect(exp("AT+MIPMODE=0,2", "+MIPMODE")).lines("OK")
                    .act(d -> d.connection(0, AccessMode.STREAM_BUFFER, RecvFormat.ASCII))
                    .expect(exp("AT+MIPOPEN=0,\"TCP\",\"120.27.12.119\",2040,10,2")).lines("Ok", "OK", "+MIPOPEN: 0,0")
                    .expect(exp("AT+MIPSEND=0,11,\"12345678900\"", "+MIPSEND")).lines("+MIPSEND: 0,11", "OK")
                    .lines("+MIPURC: \"rtcp\",0,10,10", "+MIPURC: \"rtcp\",0,10,20")
                    .expect(exp("AT+MIPRD=0", "+MIPRD")).lines("+MIPRD: 0,20", "OK")
                    .expect(exp("AT+MIPRD=0,10", "+MIPRD")).lines("+MIPRD: 0,10,10,ABCDE12345", "OK")
                    .expect(exp("AT+MIPRD=0,0", "+MIPRD")).lines("+MIPRD: 0,0,10,ABCDE12345", "OK")
                    .expect(exp("AT+MIPCLOSE=0")).lines("OK", "+MIPCLOSE: 0")
                    .decodesSameForAnySplit()).containsExactly(
                    OK, new MipOpenResult(0, 0), OK,
                    new AtEvent.Discarded(2, "unexpected text"), OK, new MipOpenResult(0, 0),
                    new MipSendLine(0, 11), OK,
                    new Urc.StreamBuffered(0, 10, 10), new Urc.StreamBuffered(0, 10, 20),
                    new MipRdQueryLine(0, 20), OK,
                    new MipRdDataLine(0, 10, ascii("ABCDE12345")), OK,
                    new MipRdDataLine(0, 0, ascii("ABCDE12345")), OK,
                    OK, new MipCloseResult(0, OptionalInt.empty()));
        }

        @Test
        void udp_buffer_3_5() {
            assertThat(script()
                    .expect(exp("AT+MIPOPEN=0,\"UDP\",\"120.27.12.119\",2040")).lines("OK", "+MIPOPEN: 0,0")
                    .expect(exp("AT+MIPMODE=0,3", "+MIPMODE")).lines("OK")
                    .act(d -> d.connection(0, AccessMode.PACKET_BUFFER, RecvFormat.ASCII))
                    .expect(exp("AT+MIPSEND=0,11,\"12345678900\"", "+MIPSEND")).lines("+MIPSEND: 0,11", "OK")
                    .lines("+MIPURC: \"rudp\",0,1", "+MIPURC: \"rudp\",0,2")
                    .expect(exp("AT+MIPRD=0", "+MIPRD")).lines("+MIPRD: 0,2", "OK")
                    .expect(exp("AT+MIPRD=0,1", "+MIPRD")).lines("+MIPRD: 0,1,10,ABCDE12345", "OK")
                    .expect(exp("AT+MIPRD=0,0", "+MIPRD")).lines("+MIPRD: 0,0,10,ABCDE12345", "OK")
                    .expect(exp("AT+MIPCLOSE=0")).lines("OK", "+MIPCLOSE: 0")
                    .decodesSameForAnySplit()).containsExactly(
                    OK, new MipOpenResult(0, 0), OK,
                    new MipSendLine(0, 11), OK,
                    new Urc.PacketsBuffered(0, 1), new Urc.PacketsBuffered(0, 2),
                    new MipRdQueryLine(0, 2), OK,
                    new MipRdDataLine(0, 1, ascii("ABCDE12345")), OK,
                    new MipRdDataLine(0, 0, ascii("ABCDE12345")), OK,
                    OK, new MipCloseResult(0, OptionalInt.empty()));
        }

        @Test
        void ping_3_6() {
            assertThat(script()
                    .expect(exp("AT+MPING=\"ipv6.sjtu.edu.cn\"", "+MPING"))
                    .lines("OK", "+MPING: 0,\"2001:DA8:8000:1::80\",16,548,51", "+MPING: 0,\"2001:DA8:8000:1::80\",16,187,51",
                            "+MPING: 0,\"2001:DA8:8000:1::80\",16,178,51", "+MPING: 0,\"2001:DA8:8000:1::80\",16,156,51",
                            "+MPING: \"statistics\",4,0,156,548,267")
                    .expect(exp("AT+MPING=\"ipv6.sjtu.edu.cn\",30,1", "+MPING"))
                    .lines("OK", "+MPING: 0,\"202.120.35.204\", 16,496,233")
                    .expect(exp("AT+MPING=\"ipv6.sjtu.edu.cn\"", "+MPING")).lines("OK", "+MPING: 3")
                    .decodesSameForAnySplit()).containsExactly(
                    OK,
                    new PingReply(0, "2001:DA8:8000:1::80", 16, 548, 51), new PingReply(0, "2001:DA8:8000:1::80", 16, 187, 51),
                    new PingReply(0, "2001:DA8:8000:1::80", 16, 178, 51), new PingReply(0, "2001:DA8:8000:1::80", 16, 156, 51),
                    new PingStatistics(4, 0, 156, 548, 267),
                    OK, new PingReply(0, "202.120.35.204", 16, 496, 233),
                    OK, new PingReply(3, null, null, null, null));
        }

        @Test
        void dns_3_7_with_the_mipcfg_misprint_and_its_reading() {
            String misprint = "+MIPCFG: \"ip\",\"114.114.114.114\",\"8.8.8.8\"";
            assertThat(script()
                    .expect(exp("AT+MDNSCFG=\"ip\",\"114.114.114.114\",\"8.8.8.8\"", "+MDNSCFG")).lines("OK")
                    .expect(exp("AT+MDNSCFG=\"ip\"", "+MDNSCFG")).lines(misprint, "OK")
                    .expect(exp("AT+MDNSCFG=\"ip\"", "+MDNSCFG"))
                    .lines("+MDNSCFG: \"ip\",\"114.114.114.114\",\"8.8.8.8\"", "OK")
                    .expect(exp("AT+MDNSGIP=\"www.baidu.com\"", "+MDNSGIP"))
                    .lines("OK", "+MDNSGIP: \"www.baidu.com\", \"183.232.231.172\"")
                    .decodesSameForAnySplit()).containsExactly(
                    OK,
                    new Urc.OtherUrc("+MIPCFG", misprint), OK,
                    new MdnsCfgLine(DnsCfgOption.IP, List.of("114.114.114.114", "8.8.8.8")), OK,
                    OK, new DnsResult("www.baidu.com", List.of("183.232.231.172")));
        }
    }
}
