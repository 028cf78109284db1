package io.mipgate.emulator;

import static io.mipgate.emulator.EmulatorHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.mipgate.emulator.model.Dialect;
import io.mipgate.emulator.model.EmulatedFamily;
import io.mipgate.emulator.net.LoopbackDnsServer;
import io.mipgate.emulator.net.TcpEchoServer;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The older ML302 / ML305 output (FIELD-NOTES §14) on the wire, exactly as OneOS (molink ml302), RT-Thread
 * (class/ml305) and TobudOS (devices/ml302) match it, against loopback peers.
 */
class LegacyDialectConformanceTest {

    private EmulatorHarness at;

    @AfterEach
    void tearDown() {
        if (at != null) {
            at.close();
        }
    }

    private void start(EmulatorConfig.Builder builder) {
        at = EmulatorHarness.start(builder.build());
    }

    private static byte[] everyByteValue(int length) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) i;
        }
        return data;
    }

    @org.junit.jupiter.api.Test
    void onlyMl302aAndMl305aSpeakTheOlderDialect() {
        assertThat(java.util.Arrays.stream(EmulatedFamily.values())
                .filter(family -> family.facts().dialect() == Dialect.ML30X_LEGACY))
                .containsExactlyInAnyOrder(EmulatedFamily.ML302A, EmulatedFamily.ML305A);
    }

    @org.junit.jupiter.api.Test
    void theDialectIsAnOptionOfEmulatorLinksAndOfTheCommandLine() throws Exception {
        assertThat(EmulatorMain.parse(new String[] {"--tcp", "0", "--model", "ML302A"}).config().model().dialect())
                .isEqualTo(Dialect.ML30X_LEGACY);
        assertThat(EmulatorMain.parse(new String[] {"--tcp", "0", "--model", "ML302A", "--dialect", "v5"}).config()
                .model().dialect()).isEqualTo(Dialect.V5_MANUAL);
        assertThat(EmulatorMain.parse(new String[] {"--tcp", "0", "--model", "ML307R", "--dialect", "legacy"}).config()
                .model().dialect()).isEqualTo(Dialect.ML30X_LEGACY);
        try (EmulatorLinkFactory factory = new EmulatorLinkFactory()) {
            factory.create("v", io.mipgate.transport.LinkSpec.parse("v", "emulator:ML305A?dialect=v5"));
            assertThat(factory.module("v").orElseThrow().config().model().dialect()).isEqualTo(Dialect.V5_MANUAL);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> factory.create("x",
                            io.mipgate.transport.LinkSpec.parse("x", "emulator:ML305A?dialect=old")))
                    .isInstanceOf(io.mipgate.transport.LinkConfigurationException.class)
                    .hasMessageContaining("x").hasMessageContaining("dialect");
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"ML302A", "ML305A"})
    void openPromptedSendCountedReceiveAndClose(EmulatedFamily family) throws Exception {
        assertThat(family.facts().dialect()).isEqualTo(Dialect.ML30X_LEGACY);
        start(EmulatorHarness.fast(family));
        try (TcpEchoServer echo = TcpEchoServer.start()) {
            at.exchange("AT+MIPOPEN=1,\"TCP\",\"127.0.0.1\"," + echo.port(), "OK", "1,CONNECT OK");
            assertThat(echo.awaitAccepted(1, WAIT)).isTrue();
            byte[] data = everyByteValue(1024);
            at.command("AT+MIPSEND=1," + data.length);
            at.expectBytes("\r\n>\r\n");
            at.send(data);
            at.expectLine("1,SEND OK");
            // the echo comes back as "recv" headers, each followed by CR LF and exactly its count of raw bytes
            java.io.ByteArrayOutputStream back = new java.io.ByteArrayOutputStream();
            while (back.size() < data.length) {
                String header = at.nextLine();
                assertThat(header).matches("\\+MIPURC: \"recv\",1,\\d+");
                back.writeBytes(at.readBytes(Integer.parseInt(header.substring(header.lastIndexOf(',') + 1))));
            }
            assertThat(back.toByteArray()).isEqualTo(data);
            at.exchange("AT+MIPSTATE=1", "+MIPSTATE: 1,\"TCP\",\"127.0.0.1\"," + echo.port() + ",\"CONNECTED\"", "OK");
            at.exchange("AT+MIPCLOSE=1", "1,CLOSE OK");
            at.exchange("AT+MIPSTATE=1", "+MIPSTATE: 1,,,,\"INITIAL\"", "OK");
            at.exchange("AT+MIPCLOSE=1", "+CME ERROR: 551");
            at.exchange("AT", "OK");
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"ML302A", "ML305A"})
    void refusedOpenAndPeerClose(EmulatedFamily family) throws Exception {
        start(EmulatorHarness.fast(family));
        int closedPort;
        try (ServerSocket unused = new ServerSocket(0)) {
            closedPort = unused.getLocalPort();
        }
        at.exchange("AT+MIPOPEN=0,\"TCP\",\"127.0.0.1\"," + closedPort, "OK", "0,CONNECT FAIL");
        at.exchange("AT+MIPSTATE=0", "+MIPSTATE: 0,,,,\"INITIAL\"", "OK");
        try (TcpEchoServer echo = TcpEchoServer.start()) {
            at.exchange("AT+MIPOPEN=2,\"TCP\",\"127.0.0.1\"," + echo.port(), "OK", "2,CONNECT OK");
            assertThat(echo.awaitAccepted(1, WAIT)).isTrue();
            echo.closeAll();
            at.expectLine("+MIPURC: \"STATE\",2,1");
            at.expectLine("2,CLOSED");
            at.faults().emitStaleDisconn(2, 2);
            at.expectLine("+MIPURC: \"STATE\",2,2");
            at.expectLine("2,CLOSED");
            at.command("AT+MIPSEND=2,5");
            assertThat(at.nextLine()).startsWith("+CME ERROR: 55");
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"ML302A", "ML305A"})
    void lookupsAnswerBeforeTheirOk(EmulatedFamily family) throws Exception {
        try (LoopbackDnsServer dns = LoopbackDnsServer.start().addA("www.baidu.com", "39.156.66.14", "39.156.66.18")) {
            start(EmulatorHarness.fast(family).dnsPort(dns.port()));
            at.exchange("AT+MDNSGIP=\"www.baidu.com\"",
                    "+MDNSGIP: 0,\"www.baidu.com\",\"39.156.66.14\",\"39.156.66.18\"", "OK");
            at.exchange("AT+MDNSGIP=\"nowhere.example\"", "+MDNSGIP: 1,8", "OK");
            at.exchange("AT+VERCTRL?", "+VERCTRL: 0,1", "OK");
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"ML302A", "ML305A"})
    void theManualsDialectRemainsAvailable(EmulatedFamily family) throws Exception {
        start(EmulatorHarness.fast(family).dialect(Dialect.V5_MANUAL));
        try (TcpEchoServer echo = TcpEchoServer.start()) {
            at.exchange("AT+MIPOPEN=0,\"TCP\",\"127.0.0.1\"," + echo.port(), "OK", "+MIPOPEN: 0,0");
            at.exchange("AT+MIPSEND=0,5,\"hello\"", "+MIPSEND: 0,5", "OK");
            at.expectLine("+MIPURC: \"rtcp\",0,5,hello");
            at.exchange("AT+MIPCLOSE=0", "OK", "+MIPCLOSE: 0");
            at.exchange("AT+VERCTRL?", "ERROR");
        }
    }
}
