package io.mipgate.at.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mipgate.domain.AccessMode;
import io.mipgate.domain.CloseMode;
import io.mipgate.domain.DnsCfgOption;
import io.mipgate.domain.InvalidParameterException;
import io.mipgate.domain.MipCfgOption;
import io.mipgate.domain.Protocol;
import io.mipgate.domain.RecvFormat;
import io.mipgate.domain.SendFormat;
import io.mipgate.domain.UnsupportedOnModelException;
import io.mipgate.at.model.ModelFamily;
import io.mipgate.at.model.ModelProfile;
import io.mipgate.at.model.ModelProfiles;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Nothing invalid is ever encoded: every refusal names the parameter, the value, the range and the model. */
class EncoderValidationTest {

    private static final ModelProfile ML307R = ModelProfiles.of(ModelFamily.ML307R);
    private static final ModelProfile MN316 = ModelProfiles.of(ModelFamily.MN316);

    /** Strings that would end the quoted parameter or the command line if they reached the module. */
    static Stream<String> injections() {
        return Stream.of("a\"b", "host\r", "host\nAT+CFUN=0", "\",\"UDP", "x\u0000y", "tab\there", "del\u007F",
                "ünïcödé", "\u2028", "example.com\";AT+CFUN=0", "x".repeat(256));
    }

    static Stream<Arguments> stringParameters() {
        return injections().flatMap(bad -> Stream.<Arguments>of(
                Arguments.of("<address>", (Function<String, AtCommand>) s -> MipOpen.of(0, Protocol.TCP, s, 80), bad),
                Arguments.of("<domainname>", (Function<String, AtCommand>) MdnsGip::of, bad),
                Arguments.of("<host>", (Function<String, AtCommand>) MPing::of, bad),
                Arguments.of("<server>", (Function<String, AtCommand>) s -> new MNtp(s, null, null, null), bad)));
    }

    @ParameterizedTest(name = "{0} refuses {2}")
    @MethodSource("stringParameters")
    void quotedStringsCannotInjectACommand(String parameter, Function<String, AtCommand> command, String bad) {
        assertThatThrownBy(() -> command.apply(bad).encode(ML307R))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining(parameter)
                .extracting(e -> ((InvalidParameterException) e).parameter()).isEqualTo(parameter);
    }

    @Test
    void dnsServerAddressesMustBeLiterals() {
        assertThatThrownBy(() -> new MdnsCfg.Servers(false, "dns.example", null).encode(MN316))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("<address1>");
        assertThatThrownBy(() -> new MdnsCfg.Servers(false, "1.2.3.4", "1.2.3.4\"").encode(MN316))
                .hasMessageContaining("<address2>");
        assertThat(new MdnsCfg.Servers(false, "", null).encode(MN316)).asString().isEqualTo("AT+MDNSCFG=\"ip\",\"\"\r");
    }

    @Test
    void outOfRangeNumbersNameParameterValueRangeAndModel() {
        assertThatThrownBy(() -> MipOpen.of(5, Protocol.TCP, "1.2.3.4", 80).encode(MN316))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("invalid <connect_id> 5: allowed 0..4 on MN316");
        assertThatThrownBy(() -> MipOpen.of(0, Protocol.TCP, "1.2.3.4", 65536).encode(ML307R))
                .hasMessage("invalid <remote_port> 65536: allowed 0..65535 on ML307R");
        assertThatThrownBy(() -> new MipOpen(0, Protocol.TCP, "1.2.3.4", 80, 181, null, null).encode(ML307R))
                .hasMessageContaining("<timeout> 181");
        assertThatThrownBy(() -> new MipCfg.SendTimeout(0, 121).encode(ML307R))
                .hasMessage("invalid <send_timeout> 121: allowed 1..120 on ML307R");
        assertThat(new MipCfg.SendTimeout(0, 180).encode(ModelProfiles.of(ModelFamily.ML305U))).isNotEmpty();
        assertThatThrownBy(() -> new MipTka.Set(0, true, 29, null, null).encode(ML307R))
                .hasMessageContaining("<keepidle> 29");
        assertThatThrownBy(() -> new MPing("h", 61, null, null, null).encode(ML307R)).hasMessageContaining("<timeout> 61");
        assertThatThrownBy(() -> new MPing("h", null, null, 1401, null).encode(ML307R))
                .hasMessageContaining("<packet_len> 1401");
        assertThatThrownBy(() -> new MNtp("h", null, null, 301).encode(ML307R)).hasMessageContaining("<timeout> 301");
        assertThatThrownBy(() -> MipRd.Read.bytes(0, 4097).encode(ML307R)).hasMessageContaining("<read_len> 4097");
        assertThatThrownBy(() -> MipRd.Read.bytes(0, 1461).encode(ModelProfiles.of(ModelFamily.MN319)))
                .hasMessage("invalid <read_len> 1461: allowed 1..1460 on MN319");
        assertThatThrownBy(() -> new MipSend.Prompt(0, 4097).encode(ModelProfiles.of(ModelFamily.ML305U)))
                .hasMessage("invalid <send_length> 4097: allowed 1..4096 on ML305U");
        assertThatThrownBy(() -> new MipCfg.ReceiveBuffer(0, 1459).encode(ML307R))
                .hasMessageContaining("<recv_buffer> 1459");
    }

    @Test
    void featuresOutsideTheModelAreRefusedNamingTheModel() {
        assertThatThrownBy(() -> new MipSend.Prompt(0, 10).encode(MN316))
                .isInstanceOf(UnsupportedOnModelException.class)
                .hasMessage("the > data mode of AT+MIPSEND is not supported on MN316");
        assertThatThrownBy(() -> new MipSack(0).encode(MN316)).isInstanceOf(UnsupportedOnModelException.class);
        assertThatThrownBy(() -> MipMode.Set.to(0, AccessMode.TRANSPARENT).encode(MN316))
                .isInstanceOf(UnsupportedOnModelException.class);
        assertThatThrownBy(() -> new MipOpen(0, Protocol.TCP, "1.2.3.4", 1, null, AccessMode.TRANSPARENT, null)
                .encode(MN316)).isInstanceOf(UnsupportedOnModelException.class);
        assertThatThrownBy(() -> Escape.withDefaultGuard().encode(MN316)).isInstanceOf(UnsupportedOnModelException.class);
        assertThatThrownBy(() -> new MipClose(0, CloseMode.RESET).encode(ML307R))
                .isInstanceOf(UnsupportedOnModelException.class);
        assertThat(new MipClose(0, CloseMode.RESET).encode(ModelProfiles.of(ModelFamily.ML307G))).asString()
                .isEqualTo("AT+MIPCLOSE=0,3\r");
        assertThatThrownBy(() -> new MipClose(0, CloseMode.GRACEFUL_TIME_WAIT).encode(ModelProfiles.of(ModelFamily.ML307G)))
                .hasMessageContaining("<mode> 4");
        assertThatThrownBy(() -> new MdnsCfg.Query(DnsCfgOption.IP).encode(ModelProfiles.of(ModelFamily.ML302A)))
                .isInstanceOf(UnsupportedOnModelException.class).hasMessageContaining("ML302A");
        assertThat(new MdnsCfg.Query(DnsCfgOption.IP).encode(ML307R)).asString().isEqualTo("AT+MDNSCFG=\"ip\"\r");
        assertThatThrownBy(() -> new MdnsGip("a.example", 1).encode(MN316)).isInstanceOf(UnsupportedOnModelException.class);
        assertThatThrownBy(() -> new MipSend.Inline(0, new byte[] {1}, SendFormat.HEX, true, null, 1).encode(ML307R))
                .isInstanceOf(UnsupportedOnModelException.class).hasMessageContaining("<seq>");
        assertThatThrownBy(() -> new MipSend.EmptyDatagram(0).encode(ML307R)).isInstanceOf(UnsupportedOnModelException.class);
        assertThat(new MipSend.EmptyDatagram(0).encode(ModelProfiles.of(ModelFamily.MN319))).asString()
                .isEqualTo("AT+MIPSEND=0,0\r");
        assertThat(new MipSend.Unspecified(0).encode(ML307R)).asString().isEqualTo("AT+MIPSEND=0\r");
        assertThatThrownBy(() -> new TestCommand(TcpIpCommand.MIPSTATE).encode(ML307R))
                .isInstanceOf(UnsupportedOnModelException.class);
        assertThatThrownBy(() -> new MipMode.Set(0, AccessMode.TRANSPARENT, 1024, 200).encode(ML307R))
                .isInstanceOf(UnsupportedOnModelException.class).hasMessageContaining("<waittm>");
    }

    @ParameterizedTest
    @EnumSource(ModelFamily.class)
    void everyFamilyRefusesExactlyItsUnsupportedMipCfgOptions(ModelFamily family) {
        ModelProfile profile = ModelProfiles.of(family);
        for (MipCfgOption option : MipCfgOption.values()) {
            var query = new MipCfg.Query(option, 0);
            if (profile.supports(option)) {
                assertThat(query.encode(profile)).isNotEmpty();
            } else {
                assertThatThrownBy(() -> query.encode(profile))
                        .isInstanceOf(UnsupportedOnModelException.class)
                        .hasMessageContaining(option.wireName()).hasMessageContaining(profile.name());
            }
        }
        assertThat(profile.supports(MipCfgOption.SNDBUF)).as("no family can set sndbuf").isFalse();
    }

    @Test
    void accessModeMustSuitTheProtocol() {
        assertThatThrownBy(() -> new MipOpen(0, Protocol.UDP, "1.2.3.4", 1, null, AccessMode.STREAM_BUFFER, null)
                .encode(ML307R)).hasMessageContaining("<access_mode> 2");
        assertThatThrownBy(() -> new MipOpen(0, Protocol.TCP, "1.2.3.4", 1, null, AccessMode.PACKET_BUFFER, null)
                .encode(ML307R)).hasMessageContaining("<access_mode> 3");
    }

    @Test
    void inlineAsciiRefusesWhatItCannotCarryAndSaysWhatToUseInstead() {
        byte[] withQuote = "say \"hi\"".getBytes();
        assertThat(InlinePayload.unsupportedReason(SendFormat.ASCII, withQuote)).get().asString()
                .contains("byte 4").contains("HEX");
        assertThatThrownBy(() -> MipSend.Inline.of(0, withQuote, SendFormat.ASCII).encode(ML307R))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("<data>");
        assertThat(MipSend.Inline.of(0, withQuote, SendFormat.HEX).encode(ML307R)).asString()
                .isEqualTo("AT+MIPSEND=0,8,\"73617920226869 22\"\r".replace(" ", ""));
        assertThat(MipSend.Inline.of(0, withQuote, SendFormat.ESCAPED).encode(ML307R)).asString()
                .isEqualTo("AT+MIPSEND=0,14,\"say \\x22hi\\x22\"\r");
        assertThat(new MipSend.Inline(0, withQuote, SendFormat.ESCAPED, false, null, null).encode(ML307R)).asString()
                .startsWith("AT+MIPSEND=0,0,");
        assertThatThrownBy(() -> MipSend.Inline.of(0, new byte[1461], SendFormat.HEX).encode(ML307R))
                .hasMessageContaining("1461");
        assertThatThrownBy(() -> MipSend.Inline.of(0, new byte[0], SendFormat.HEX).encode(ML307R))
                .hasMessageContaining("<data>");
    }

    @Test
    void encodingSettingCarriesBothFormats() {
        assertThat(new MipCfg.Encoding(2, SendFormat.HEX, RecvFormat.HEX).encode(ML307R)).asString()
                .isEqualTo("AT+MIPCFG=\"encoding\",2,1,1\r");
        assertThat(new MipCfg.Ssl(1, true, 2).encode(ML307R)).asString().isEqualTo("AT+MIPCFG=\"ssl\",1,1,2\r");
        assertThatThrownBy(() -> new MipCfg.Ssl(1, true, 2).encode(MN316)).isInstanceOf(UnsupportedOnModelException.class);
    }

    @Test
    void rawAdministratorCommandsStayOneCommand() {
        assertThat(new RawCommand("AT+CSQ", null).encode(ML307R)).asString().isEqualTo("AT+CSQ\r");
        assertThat(new RawCommand("AT+MDNSGIP=\"a;b\"", null).encode(ML307R)).isNotEmpty();
        assertThat(new RawCommand("AT+MIPSEND=0,5,\"hello\"", null).encode(ML307R)).isNotEmpty();
        assertThat(new RawCommand("AT+MIPMODE=0,2", null).encode(ML307R)).isNotEmpty();
        for (String bad : new String[] {"AT+MIPSEND=0,5", "AT+MIPSEND=0", "AT+MIPMODE=0,1", "at+mipmode=0, 1",
                "AT+MIPOPEN=0,\"TCP\",\"1.2.3.4\",80,60,1", "ATD*99#", "ATO"}) {
            assertThatThrownBy(() -> new RawCommand(bad, null).encode(ML307R)).as(bad)
                    .isInstanceOf(InvalidParameterException.class).hasMessageContaining("data stream");
        }
        for (String bad : new String[] {"AT;+CFUN=0", "AT\r+CFUN=0", "+++", "ATD+++", "CSQ", "AT+X=\"open", "AT\u0000",
                "AT" + "X".repeat(1100)}) {
            assertThatThrownBy(() -> new RawCommand(bad, null).encode(ML307R)).as(bad)
                    .isInstanceOf(InvalidParameterException.class);
        }
    }

    @Test
    void deadlinesFollowTheCommandsOwnParameters() {
        var open = new MipOpen(0, Protocol.TCP, "1.2.3.4", 80, 10, null, null);
        assertThat(open.asyncResult(ML307R)).get().extracting(AsyncResult::deadline)
                .isEqualTo(java.time.Duration.ofSeconds(25));
        assertThat(new MPing("1.2.3.4", 2, 3, null, null).asyncResult(ML307R).orElseThrow().deadline())
                .isGreaterThanOrEqualTo(java.time.Duration.ofSeconds(6));
        assertThat(new MNtp("1.2.3.4", null, null, 7).asyncResult(ML307R).orElseThrow().deadline())
                .isGreaterThanOrEqualTo(java.time.Duration.ofSeconds(7));
        assertThat(new MipSend.Prompt(0, 8192).responseTimeout(ML307R))
                .isGreaterThan(new MipSend.Prompt(0, 10).responseTimeout(ML307R));
    }
}
