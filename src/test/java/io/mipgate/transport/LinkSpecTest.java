package io.mipgate.transport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class LinkSpecTest {

    private static final String MODULE = "ml307-7";

    @Test
    void serialDefaultsTo115200EightNoneOneWithoutFlowControl() {
        assertThat(LinkSpec.parse(MODULE, "serial:/dev/ttyUSB2"))
                .isEqualTo(new LinkSpec.Serial("/dev/ttyUSB2", 115_200, 8, Parity.NONE, StopBits.ONE, FlowControl.NONE))
                .isEqualTo(LinkSpec.Serial.withDefaults("/dev/ttyUSB2"));
    }

    @Test
    void serialTakesEveryOption() {
        LinkSpec spec = LinkSpec.parse(MODULE,
                "serial:/dev/ttyS1?baud=9600&dataBits=7&parity=even&stopBits=1.5&flowControl=rtscts");

        assertThat(spec).isEqualTo(new LinkSpec.Serial("/dev/ttyS1", 9600, 7, Parity.EVEN, StopBits.ONE_POINT_FIVE,
                FlowControl.RTS_CTS));
        assertThat(spec.scheme()).isEqualTo("serial");
        assertThat(spec.toString())
                .isEqualTo("serial:/dev/ttyS1?baud=9600&dataBits=7&parity=even&stopBits=1.5&flowControl=rtscts");
    }

    @ParameterizedTest
    @CsvSource({
            "none, NONE", "even, EVEN", "odd, ODD", "mark, MARK", "space, SPACE", "ODD, ODD"})
    void serialParityNames(String option, Parity parity) {
        assertThat(((LinkSpec.Serial) LinkSpec.parse(MODULE, "serial:/dev/x?parity=" + option)).parity())
                .isEqualTo(parity);
    }

    @ParameterizedTest
    @CsvSource({"1, ONE", "1.5, ONE_POINT_FIVE", "2, TWO"})
    void serialStopBits(String option, StopBits stopBits) {
        assertThat(((LinkSpec.Serial) LinkSpec.parse(MODULE, "serial:/dev/x?stopBits=" + option)).stopBits())
                .isEqualTo(stopBits);
    }

    @Test
    void serialAcceptsUriSpellingCaseInsensitiveNamesAndSurroundingBlanks() {
        assertThat(LinkSpec.parse(MODULE, "  SERIAL:///dev/ttyUSB0?BAUD=921600&flowcontrol=NONE&  "))
                .isEqualTo(new LinkSpec.Serial("/dev/ttyUSB0", 921_600, 8, Parity.NONE, StopBits.ONE,
                        FlowControl.NONE));
    }

    @Test
    void tcpHostPortAndDefaultConnectTimeout() {
        assertThat(LinkSpec.parse(MODULE, "tcp://10.0.0.7:4001"))
                .isEqualTo(new LinkSpec.Tcp("10.0.0.7", 4001, Duration.ofSeconds(5)));
    }

    @Test
    void tcpConnectTimeoutAndIpv6Literal() {
        LinkSpec spec = LinkSpec.parse(MODULE, "tcp://[::1]:2001/?connectTimeoutMs=750");

        assertThat(spec).isEqualTo(new LinkSpec.Tcp("::1", 2001, Duration.ofMillis(750)));
        assertThat(spec.toString()).isEqualTo("tcp://[::1]:2001?connectTimeoutMs=750");
    }

    @Test
    void onlyLinksWhoseHostSetsTheRateCanBeReopenedAtAnother() {
        LinkSpec serial = LinkSpec.parse(MODULE, "serial:/dev/ttyUSB2?baud=115200&parity=even");
        LinkSpec telnet = LinkSpec.parse(MODULE, "tcp://10.0.0.7:4001?rfc2217=true");

        assertThat(serial.atRate(921_600)).contains(new LinkSpec.Serial("/dev/ttyUSB2", 921_600, 8, Parity.EVEN,
                StopBits.ONE, FlowControl.NONE));
        assertThat(telnet.rate()).hasValue(115_200);
        assertThat(telnet.atRate(57_600).orElseThrow().rate()).hasValue(57_600);
        assertThat(LinkSpec.parse(MODULE, "tcp://10.0.0.7:4001").atRate(9_600)).isEmpty();
        assertThat(LinkSpec.parse(MODULE, "tcp://10.0.0.7:4001").rate()).isEmpty();
        assertThat(LinkSpec.parse(MODULE, "emulator:ML307R").atRate(9_600)).isEmpty();
    }

    @Test
    void emulatorKeepsModelAndOptionsInOrderForTheEmulatorToValidate() {
        LinkSpec spec = LinkSpec.parse(MODULE, "emulator:ML307R?imei=869999000000001&sim=absent");

        assertThat(spec).isInstanceOfSatisfying(LinkSpec.Emulator.class, emulator -> {
            assertThat(emulator.model()).isEqualTo("ML307R");
            assertThat(emulator.options()).containsExactly(Map.entry("imei", "869999000000001"),
                    Map.entry("sim", "absent"));
        });
        assertThat(spec.scheme()).isEqualTo("emulator");
        assertThat(spec.toString()).isEqualTo("emulator:ML307R?imei=869999000000001&sim=absent");
        assertThat(LinkSpec.parse(MODULE, "emulator:MN316")).isEqualTo(new LinkSpec.Emulator("MN316", Map.of()));
    }

    static Stream<Arguments> badLinks() {
        return Stream.of(
                arguments(null, "link", "empty"),
                arguments("   ", "link", "empty"),
                arguments("/dev/ttyUSB0", "scheme", "accepted schemes: serial, tcp, emulator"),
                arguments("usb:/dev/ttyUSB0", "scheme", "unknown scheme 'usb'"),
                arguments("rfc2217://host:4000", "scheme", "accepted schemes: serial, tcp, emulator"),
                arguments("serial:", "device", "no device path"),
                arguments("serial:?baud=9600", "device", "no device path"),
                arguments("serial:/dev/ttyUSB0?bauds=9600", "bauds", "accepted options: baud, dataBits"),
                arguments("serial:/dev/ttyUSB0?baud", "baud", "no value"),
                arguments("serial:/dev/ttyUSB0?baud=", "baud", "no value"),
                arguments("serial:/dev/ttyUSB0?baud=fast", "baud", "'fast' is not a whole number"),
                arguments("serial:/dev/ttyUSB0?baud=0", "baud", "out of range"),
                arguments("serial:/dev/ttyUSB0?baud=1152000000", "baud", "out of range"),
                arguments("serial:/dev/ttyUSB0?baud=9600&baud=115200", "baud", "given twice"),
                arguments("serial:/dev/ttyUSB0?dataBits=9", "dataBits", "out of range (expected 5…8)"),
                arguments("serial:/dev/ttyUSB0?parity=n", "parity", "'n' is not one of none, even, odd, mark, space"),
                arguments("serial:/dev/ttyUSB0?stopBits=3", "stopBits", "'3' is not one of 1, 1.5, 2"),
                arguments("serial:/dev/ttyUSB0?flowControl=xonxoff", "flowControl", "not one of none, rtscts"),
                arguments("serial:/dev/ttyUSB0?=5", "option", "without a name"),
                arguments("tcp:host:4000", "host", "expected tcp://host:port"),
                arguments("tcp://:4000", "host", "no host"),
                arguments("tcp://ser2net.local", "port", "no port"),
                arguments("tcp://ser2net.local:", "port", "no port"),
                arguments("tcp://ser2net.local:http", "port", "'http' is not a whole number"),
                arguments("tcp://ser2net.local:70000", "port", "out of range"),
                arguments("tcp://[::1:4000", "host", "unterminated IPv6"),
                arguments("tcp://ser2net.local:4000/ttyUSB0", "host", "no path"),
                arguments("tcp://ser2net.local:4000?timeout=5", "timeout", "accepted options: connectTimeoutMs"),
                arguments("tcp://ser2net.local:4000?connectTimeoutMs=-1", "connectTimeoutMs", "out of range"),
                arguments("tcp://ser2net.local:4000?baud=921600", "baud", "rfc2217=true"),
                arguments("tcp://ser2net.local:4000?rfc2217=yes", "rfc2217", "not one of true, false"),
                arguments("tcp://ser2net.local:4000?rfc2217=true&baud=0", "baud", "out of range"),
                arguments("emulator:", "model", "no model"),
                arguments("emulator:?imei=1", "model", "no model"),
                arguments("emulator:ML 307", "model", "invalid model 'ML 307'"),
                arguments("emulator:ML307R?imei", "imei", "no value"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("badLinks")
    void everyRejectionNamesTheModuleAndTheSetting(String text, String setting, String detail) {
        assertThatThrownBy(() -> LinkSpec.parse(MODULE, text))
                .isInstanceOfSatisfying(LinkConfigurationException.class, e -> {
                    assertThat(e.moduleId()).isEqualTo(MODULE);
                    assertThat(e.setting()).isEqualTo(setting);
                })
                .hasMessageStartingWith("module '" + MODULE + "': link setting '" + setting + "': ")
                .hasMessageContaining(detail);
    }

    @Test
    void parsedSpecsRoundTripThroughTheirCanonicalText() {
        for (String text : new String[] {
                "serial:/dev/ttyUSB2?baud=921600&dataBits=8&parity=odd&stopBits=2&flowControl=none",
                "tcp://moxa-3.plant.example:4001?connectTimeoutMs=2500",
                "tcp://moxa-3.plant.example:4001?connectTimeoutMs=2500&rfc2217=true&baud=460800",
                "emulator:ML307R?imei=1&iccid=2"}) {
            LinkSpec spec = LinkSpec.parse(MODULE, text);
            assertThat(spec.toString()).isEqualTo(text);
            assertThat(LinkSpec.parse(MODULE, spec.toString())).isEqualTo(spec);
        }
    }
}
