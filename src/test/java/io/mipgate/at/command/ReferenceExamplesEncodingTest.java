package io.mipgate.at.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.mipgate.domain.AccessMode;
import io.mipgate.domain.DnsCfgOption;
import io.mipgate.domain.MipCfgOption;
import io.mipgate.domain.Protocol;
import io.mipgate.domain.SendFormat;
import io.mipgate.at.model.ModelFamily;
import io.mipgate.at.model.ModelProfile;
import io.mipgate.at.model.ModelProfiles;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every host-side line of the reference's examples (AT-REFERENCE §2 and the chapter-4 flows of §3), produced byte for
 * byte by the typed encoders. NB-only lines are encoded for MN316, the rest for ML307R.
 */
class ReferenceExamplesEncodingTest {

    private static final ModelProfile ML307R = ModelProfiles.of(ModelFamily.ML307R);
    private static final ModelProfile MN316 = ModelProfiles.of(ModelFamily.MN316);
    private static final String HOST = "120.27.12.119";

    static Stream<Arguments> examples() {
        return Stream.of(
                // 2.1 AT+MIPCFG
                example(ML307R, new MipCfg.AutoFree(0, true), "AT+MIPCFG=\"autofree\",0,1"),
                example(ML307R, new MipCfg.Query(MipCfgOption.AUTOFREE, 0), "AT+MIPCFG=\"autofree\",0"),
                example(ML307R, MipCfg.Query.all(MipCfgOption.ENCODING), "AT+MIPCFG=\"encoding\""),
                example(ML307R, new TestCommand(TcpIpCommand.MIPCFG), "AT+MIPCFG=?"),
                // 2.2 AT+MIPTKA
                example(MN316, new TestCommand(TcpIpCommand.MIPTKA), "AT+MIPTKA=?"),
                example(MN316, new MipTka.Read(), "AT+MIPTKA?"),
                example(MN316, new MipTka.Query(0), "AT+MIPTKA=0"),
                example(MN316, new MipTka.Set(0, true, 120, 60, 1), "AT+MIPTKA=0,1,120,60,1"),
                // 2.3 AT+MIPOPEN and the chapter-4 opens
                example(MN316, new TestCommand(TcpIpCommand.MIPOPEN), "AT+MIPOPEN=?"),
                example(ML307R, MipOpen.of(0, Protocol.TCP, HOST, 2040), "AT+MIPOPEN=0,\"TCP\",\"120.27.12.119\",2040"),
                example(ML307R, MipOpen.of(1, Protocol.UDP, HOST, 2040), "AT+MIPOPEN=1,\"UDP\",\"120.27.12.119\",2040"),
                example(ML307R, new MipOpen(0, Protocol.TCP, HOST, 2040, 10, AccessMode.STREAM_BUFFER, null),
                        "AT+MIPOPEN=0,\"TCP\",\"120.27.12.119\",2040,10,2"),
                example(ML307R, new MipOpen(0, Protocol.UDP, HOST, 2040, 10, AccessMode.PACKET_BUFFER, null),
                        "AT+MIPOPEN=0,\"UDP\",\"120.27.12.119\",2040,10,3"),
                example(ML307R, new MipOpen(0, Protocol.TCP, HOST, 2040, 60, AccessMode.STREAM_BUFFER, 0),
                        "AT+MIPOPEN=0,\"TCP\",\"120.27.12.119\",2040,60,2,0"),
                example(ML307R, new MipOpen(0, Protocol.TCP, "example.com", 80, null, AccessMode.NORMAL, null),
                        "AT+MIPOPEN=0,\"TCP\",\"example.com\",80,,0"),
                // 2.4 AT+MIPCLOSE
                example(MN316, new TestCommand(TcpIpCommand.MIPCLOSE), "AT+MIPCLOSE=?"),
                example(ML307R, MipClose.of(0), "AT+MIPCLOSE=0"),
                // 2.5 AT+MIPSEND and the chapter-4 sends
                example(MN316, new TestCommand(TcpIpCommand.MIPSEND), "AT+MIPSEND=?"),
                example(ML307R, MipSend.Inline.of(0, ascii("0123456789"), SendFormat.ASCII),
                        "AT+MIPSEND=0,10,\"0123456789\""),
                example(ML307R, MipSend.Inline.of(0, ascii("12345678900"), SendFormat.ASCII),
                        "AT+MIPSEND=0,11,\"12345678900\""),
                example(MN316, new MipSend.Inline(0, ascii("12345678900"), SendFormat.ASCII, true, 0, 1),
                        "AT+MIPSEND=0,11,\"12345678900\",0,1"),
                // 2.6 AT+MIPRD and the buffer-mode flows
                example(MN316, new TestCommand(TcpIpCommand.MIPRD), "AT+MIPRD=?"),
                example(ML307R, MipRd.Read.bytes(0, 20), "AT+MIPRD=0,20"),
                example(ML307R, new MipRd.Query(0), "AT+MIPRD=0"),
                example(ML307R, MipRd.Read.bytes(0, 10), "AT+MIPRD=0,10"),
                example(ML307R, MipRd.Read.bytes(0, 0), "AT+MIPRD=0,0"),
                example(ML307R, MipRd.Read.packets(0, 1), "AT+MIPRD=0,1"),
                example(ML307R, MipRd.Read.packets(0, 0), "AT+MIPRD=0,0"),
                // 2.7 AT+MIPMODE
                example(MN316, new TestCommand(TcpIpCommand.MIPMODE), "AT+MIPMODE=?"),
                example(ML307R, new MipMode.Query(0), "AT+MIPMODE=0"),
                example(ML307R, MipMode.Set.to(0, AccessMode.STREAM_BUFFER), "AT+MIPMODE=0,2"),
                example(ML307R, MipMode.Set.to(0, AccessMode.TRANSPARENT), "AT+MIPMODE=0,1"),
                example(ML307R, MipMode.Set.to(0, AccessMode.PACKET_BUFFER), "AT+MIPMODE=0,3"),
                example(ML307R, new MipMode.Set(0, AccessMode.TRANSPARENT, 1024, null), "AT+MIPMODE=0,1,1024"),
                // 2.8 AT+MIPSTATE
                example(ML307R, new MipState.Read(), "AT+MIPSTATE?"),
                example(ML307R, new MipState.Query(0), "AT+MIPSTATE=0"),
                // 2.9 AT+MIPSACK
                example(ML307R, new TestCommand(TcpIpCommand.MIPSACK), "AT+MIPSACK=?"),
                example(ML307R, new MipSack(0), "AT+MIPSACK=0"),
                // 2.10 AT+MDNSCFG (the "ip" forms exist on NB families only)
                example(MN316, new TestCommand(TcpIpCommand.MDNSCFG), "AT+MDNSCFG=?"),
                example(MN316, new MdnsCfg.Servers(false, "114.114.114.114", "8.8.8.8"),
                        "AT+MDNSCFG=\"ip\",\"114.114.114.114\",\"8.8.8.8\""),
                example(MN316, new MdnsCfg.Query(DnsCfgOption.IP), "AT+MDNSCFG=\"ip\""),
                example(MN316, new MdnsCfg.Servers(true, "2400:3200::1", null), "AT+MDNSCFG=\"ipv6\",\"2400:3200::1\""),
                example(ML307R, new MdnsCfg.Priority(false), "AT+MDNSCFG=\"priority\",0"),
                example(MN316, new MdnsCfg.Timeout(30, 3), "AT+MDNSCFG=\"timeout\",30,3"),
                example(ModelProfiles.of(ModelFamily.ML307G), new MdnsCfg.Cache(true, null), "AT+MDNSCFG=\"cached\",1"),
                // 2.11 AT+MDNSGIP
                example(MN316, new TestCommand(TcpIpCommand.MDNSGIP), "AT+MDNSGIP=?"),
                example(ML307R, MdnsGip.of("iot.10086.cn"), "AT+MDNSGIP=\"iot.10086.cn\""),
                example(ML307R, MdnsGip.of("www.baidu.com"), "AT+MDNSGIP=\"www.baidu.com\""),
                example(ML307R, new MdnsGip("iot.10086.cn", 1), "AT+MDNSGIP=\"iot.10086.cn\",1"),
                // 2.12 AT+MPING
                example(MN316, new TestCommand(TcpIpCommand.MPING), "AT+MPING=?"),
                example(ML307R, MPing.of("ipv6.sjtu.edu.cn"), "AT+MPING=\"ipv6.sjtu.edu.cn\""),
                example(ML307R, new MPing("ipv6.sjtu.edu.cn", 30, 1, null, null), "AT+MPING=\"ipv6.sjtu.edu.cn\",30,1"),
                // 2.15 AT+MNTP
                example(ML307R, new TestCommand(TcpIpCommand.MNTP), "AT+MNTP=?"),
                example(ML307R, MNtp.defaults(), "AT+MNTP"),
                example(ML307R, new MNtp("cn.ntp.org.cn", null, false, null), "AT+MNTP=\"cn.ntp.org.cn\",,0"),
                example(ML307R, new MNtp("cn.ntp.org.cn", 123, true, 30), "AT+MNTP=\"cn.ntp.org.cn\",123,1,30"),
                // basics a driver needs
                example(ML307R, new Basic.Attention(), "AT"),
                example(ML307R, new Basic.Echo(false), "ATE0"),
                example(ML307R, new Basic.Echo(true), "ATE1"),
                example(ML307R, new Basic.Identify(), "ATI"),
                example(ML307R, new Basic.FirmwareRevision(), "AT+CGMR"),
                example(ML307R, new Basic.SerialNumber(false), "AT+CGSN"),
                example(ML307R, new Basic.SerialNumber(true), "AT+CGSN=1"),
                example(ML307R, new Basic.ErrorReporting(1), "AT+CMEE=1"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("examples")
    void encodesTheReferenceLineByteForByte(ModelProfile profile, AtCommand command, String expectedLine) {
        assertThat(new String(command.encode(profile), StandardCharsets.ISO_8859_1)).isEqualTo(expectedLine + "\r");
    }

    @org.junit.jupiter.api.Test
    void escapeIsThreePlusSignsWithoutTerminator() {
        assertThat(Escape.withDefaultGuard().encode(ML307R)).containsExactly('+', '+', '+');
    }

    private static Arguments example(ModelProfile profile, AtCommand command, String line) {
        return Arguments.of(profile, command, line);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
