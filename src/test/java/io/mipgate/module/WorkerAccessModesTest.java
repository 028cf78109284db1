package io.mipgate.module;

import static org.assertj.core.api.Assertions.assertThat;

import io.mipgate.domain.AccessMode;
import io.mipgate.domain.Protocol;
import io.mipgate.emulator.net.TcpEchoServer;
import io.mipgate.emulator.net.UdpEchoServer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A full open / send / echo / read / sack / close cycle in every access mode, against virtual modules over the
 * in-process link and real loopback echo servers. Payloads are binary: CR, LF, quotes, NUL and 0x80+ included.
 */
class WorkerAccessModesTest {

    private static Gateway gateway;
    private static TcpEchoServer tcpEcho;
    private static UdpEchoServer udpEcho;

    @BeforeAll
    static void start() throws Exception {
        tcpEcho = TcpEchoServer.start();
        udpEcho = UdpEchoServer.start();
        gateway = new Gateway();
        gateway.emulated("cat1", "ML307R");
        gateway.emulated("nb", "MN316");
        gateway.emulated("small", "ML307R", settings -> settings.withReceiveBuffer(16 * 1024));
        gateway.start();
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        tcpEcho.close();
        udpEcho.close();
    }

    @ParameterizedTest(name = "{0} {1} {2} bytes")
    @CsvSource({
            "cat1, NORMAL, 262144",
            "cat1, STREAM_BUFFER, 262144",
            "cat1, TRANSPARENT, 262144",
            "nb, NORMAL, 16384",
            "nb, STREAM_BUFFER, 16384"})
    void tcpEchoIsByteExact(String moduleId, AccessMode mode, int size) throws Exception {
        ModuleClient module = gateway.manager.client(moduleId);
        var connection = module.open(new OpenRequest(Protocol.TCP, "127.0.0.1", tcpEcho.port(), null, mode, 10, null))
                .get(15, TimeUnit.SECONDS);
        assertThat(connection.state()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(connection.mode()).isEqualTo(mode);
        int id = connection.connectId();

        byte[] payload = Payloads.binary(size, size);
        SendResult sent = module.send(id, payload, SendOptions.DEFAULT).get(60, TimeUnit.SECONDS);
        assertThat(sent.accepted()).isEqualTo(size);
        assertThat(Payloads.readExactly(module, id, size, Duration.ofSeconds(60))).isEqualTo(payload);

        if (mode != AccessMode.TRANSPARENT && module.capabilities().sack()) {
            SackSample sack = module.sack(id).get(5, TimeUnit.SECONDS);
            assertThat(sack.sent()).isEqualTo(size);
            assertThat(sack.received()).isEqualTo(size);
        }
        var closed = module.close(id, null).get(15, TimeUnit.SECONDS);
        assertThat(closed.connection().state()).isEqualTo(ConnectionState.CLOSED);
        assertThat(module.snapshot().transparentBridgeActive()).isFalse();
        assertThat(module.read(id, 10)).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"cat1, NORMAL", "cat1, PACKET_BUFFER", "nb, NORMAL", "nb, PACKET_BUFFER"})
    void udpDatagramsEchoByteExact(String moduleId, AccessMode mode) throws Exception {
        ModuleClient module = gateway.manager.client(moduleId);
        var connection = module.open(new OpenRequest(Protocol.UDP, "127.0.0.1", udpEcho.port(), null, mode, null, null))
                .get(15, TimeUnit.SECONDS);
        int id = connection.connectId();
        java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < 20; i++) {
            byte[] datagram = Payloads.binary(700, i);
            expected.write(datagram);
            assertThat(module.send(id, datagram, SendOptions.DEFAULT).get(10, TimeUnit.SECONDS).accepted()).isEqualTo(700);
            // one datagram in flight at a time keeps loopback UDP from reordering the stream we compare
            assertThat(Payloads.readExactly(module, id, 700, Duration.ofSeconds(10))).isEqualTo(datagram);
        }
        module.close(id, null).get(15, TimeUnit.SECONDS);
    }

    @Test
    void switchingAStreamBufferToNormalKeepsEveryByte() throws Exception {
        ModuleClient module = gateway.manager.client("cat1");
        var connection = module.open(new OpenRequest(Protocol.TCP, "127.0.0.1", tcpEcho.port(), null,
                AccessMode.NORMAL, null, null)).get(15, TimeUnit.SECONDS);
        int id = connection.connectId();
        byte[] first = Payloads.binary(5000, 1);
        byte[] second = Payloads.binary(3000, 2);
        module.send(id, first, SendOptions.DEFAULT).get(10, TimeUnit.SECONDS);
        assertThat(module.setMode(id, AccessMode.STREAM_BUFFER).get(10, TimeUnit.SECONDS).mode())
                .isEqualTo(AccessMode.STREAM_BUFFER);
        module.send(id, second, SendOptions.DEFAULT).get(10, TimeUnit.SECONDS);
        module.setMode(id, AccessMode.NORMAL).get(10, TimeUnit.SECONDS);
        byte[] all = new byte[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        assertThat(Payloads.readExactly(module, id, all.length, Duration.ofSeconds(20))).isEqualTo(all);
        module.close(id, null).get(15, TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(value = AccessMode.class, names = {"STREAM_BUFFER", "TRANSPARENT"})
    void aSlowReaderHoldsTheFlowBackInsteadOfLosingBytes(AccessMode mode) throws Exception {
        ModuleClient module = gateway.manager.client("small");
        int id = module.open(new OpenRequest(Protocol.TCP, "127.0.0.1", tcpEcho.port(), null, mode, null, null))
                .get(15, TimeUnit.SECONDS).connectId();
        byte[] payload = Payloads.binary(200_000, 99);
        var sending = module.send(id, payload, SendOptions.DEFAULT);
        java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
            received.write(module.read(id, 2048));
            return received.size() >= payload.length;
        });
        assertThat(received.toByteArray()).isEqualTo(payload);
        assertThat(sending.get(30, TimeUnit.SECONDS).accepted()).isEqualTo(payload.length);
        assertThat(module.connection(id).droppedBytes()).isZero();
        module.close(id, null).get(15, TimeUnit.SECONDS);
    }

    @Test
    void waitForAckReportsTheBytesAcknowledged() throws Exception {
        ModuleClient module = gateway.manager.client("cat1");
        var connection = module.open(new OpenRequest(Protocol.TCP, "127.0.0.1", tcpEcho.port(), null, null, null, null))
                .get(15, TimeUnit.SECONDS);
        SendResult result = module.send(connection.connectId(), new byte[] {1, 2, 3},
                new SendOptions(true, Duration.ofSeconds(5), null, null)).get(10, TimeUnit.SECONDS);
        assertThat(result.acked()).isTrue();
        assertThat(result.lastSack().acked()).isGreaterThanOrEqualTo(3);
        module.close(connection.connectId(), null).get(15, TimeUnit.SECONDS);
    }
}
