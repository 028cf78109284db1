package io.mipgate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.mipgate.emulator.model.EmulatedFamily;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The ser2net-style TCP attachment, the admin port and the command line of {@link EmulatorMain}. */
class StandaloneAttachmentTest {

    @Test
    void tcpSerialAndAdminPort() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (VirtualModule module = new VirtualModule(EmulatorHarness.fast(EmulatedFamily.ML307R).echo(false).build());
             EmulatorTcpServer serial = new EmulatorTcpServer(module, loopback, 0);
             AdminServer admin = new AdminServer(module.faults(), loopback, 0);
             Socket host = new Socket(loopback, serial.port());
             Socket adminClient = new Socket(loopback, admin.port())) {
            host.setSoTimeout((int) EmulatorHarness.WAIT.toMillis());
            InputStream in = host.getInputStream();
            org.awaitility.Awaitility.await().atMost(EmulatorHarness.WAIT).until(module::attached);
            module.powerOn();
            assertThat(new String(in.readNBytes(13), StandardCharsets.US_ASCII)).isEqualTo("\r\n+MATREADY\r\n");
            try (Socket second = new Socket(loopback, serial.port())) {
                second.setSoTimeout(5000);
                assertThat(second.getInputStream().read()).isEqualTo(-1);
            }
            PrintWriter command = new PrintWriter(adminClient.getOutputStream(), true, StandardCharsets.UTF_8);
            BufferedReader answer = new BufferedReader(new InputStreamReader(adminClient.getInputStream(),
                    StandardCharsets.UTF_8));
            command.println("cme 552 1");
            assertThat(answer.readLine()).isEqualTo("ok");
            host.getOutputStream().write("AT\r".getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(in.readNBytes(19), StandardCharsets.US_ASCII)).isEqualTo("\r\n+CME ERROR: 552\r\n");
            command.println("garbage e0 41");
            assertThat(answer.readLine()).isEqualTo("ok");
            assertThat(in.readNBytes(2)).containsExactly((byte) 0xE0, (byte) 0x41);
            command.println("bogus");
            assertThat(answer.readLine()).startsWith("error: unknown command");
            command.println("drop");
            assertThat(answer.readLine()).isEqualTo("ok");
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void commandLine() throws Exception {
        EmulatorMain.Options options = EmulatorMain.parse(new String[] {"--model", "mn316", "--tcp", "7001",
                "--firmware", "field", "--baud", "115200", "--echo", "off", "--admin", "7002",
                "--dns", "127.0.0.1", "--dns-port", "5353"});
        EmulatorConfig config = options.config();
        assertThat(config.model().family()).isEqualTo(EmulatedFamily.MN316);
        assertThat(config.firmware()).isEqualTo(FirmwareProfile.FIELD);
        assertThat(config.baud()).isEqualTo(115200);
        assertThat(config.echoAfterBoot()).isFalse();
        assertThat(options.adminPort()).isEqualTo(7002);
        assertThat(config.networkDns()).containsExactly(InetAddress.getLoopbackAddress());
        assertThat(config.dnsPort()).isEqualTo(5353);
    }
}
