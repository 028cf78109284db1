package io.mipgate.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mipgate.module.request.ConnectionSetting;
import io.mipgate.domain.AccessMode;
import io.mipgate.domain.Protocol;
import io.mipgate.domain.RecvFormat;
import io.mipgate.domain.SendFormat;
import io.mipgate.transport.LinkSpec;
import java.io.ByteArrayOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A gateway restarted while the module kept its connections: it adopts them as the module has them (mode, encoding,
 * protocol) and delivers what the module buffered meanwhile, exactly once.
 */
class AdoptionTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private Gateway gateway;
    private ModuleClient module;
    private DeviceManager restarted;

    @BeforeEach
    void start() {
        gateway = new Gateway();
        module = gateway.emulated("m", "ML307R");
        gateway.start();
    }

    @AfterEach
    void stop() {
        if (restarted != null) {
            restarted.close();
        }
        gateway.close();
    }

    private ModuleClient restart() {
        gateway.manager.close();
        restarted = new DeviceManager(gateway.links, Clock.systemUTC());
        return restarted.add(ModuleSettings.defaults("m", LinkSpec.parse("m", "emulator:ML307R"))
                .withIntervals(Duration.ZERO, Duration.ZERO));
    }

    /** Starts the restarted gateway; its first start-up may need a second attempt on a loaded machine. */
    private void startRestarted(ModuleClient again) {
        restarted.start(WAIT);
        await().atMost(WAIT).until(() -> again.snapshot().status() == ModuleStatus.UP);
    }

    private static byte[] drain(ModuleClient client, int connectId, int expected) {
        return Payloads.readExactly(client, connectId, expected, WAIT);
    }

    @Test
    void aBufferedHexConnectionIsAdoptedAsItIsAndWhatArrivedMeanwhileIsReadOnce() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            module.configure(new ConnectionSetting.Encoding(1, SendFormat.HEX, RecvFormat.HEX)).get(10, TimeUnit.SECONDS);
            int id = module.open(new OpenRequest(Protocol.TCP, "127.0.0.1", server.getLocalPort(), 1,
                    AccessMode.STREAM_BUFFER, null, null)).get(15, TimeUnit.SECONDS).connectId();
            try (Socket peer = server.accept()) {
                ModuleClient again = restart();
                byte[] meanwhile = Payloads.binary(5000, 31);
                peer.getOutputStream().write(meanwhile);
                peer.getOutputStream().flush();
                startRestarted(again);

                ConnectionSnapshot adopted = again.connection(id);
                assertThat(adopted.state()).isEqualTo(ConnectionState.CONNECTED);
                assertThat(adopted.mode()).isEqualTo(AccessMode.STREAM_BUFFER);
                assertThat(adopted.recvFormat()).isEqualTo(RecvFormat.HEX);
                assertThat(drain(again, id, meanwhile.length)).isEqualTo(meanwhile);

                byte[] later = Payloads.binary(700, 32);
                peer.getOutputStream().write(later);
                assertThat(drain(again, id, later.length)).isEqualTo(later);
                assertThat(again.connection(id).droppedBytes()).isZero();
            }
        }
    }

    @Test
    void aUdpPacketBufferConnectionIsAdoptedWithTheDatagramsItHeld() throws Exception {
        try (DatagramSocket peer = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            peer.setSoTimeout(10_000);
            int id = module.open(new OpenRequest(Protocol.UDP, "127.0.0.1", peer.getLocalPort(), 2,
                    AccessMode.PACKET_BUFFER, null, null)).get(15, TimeUnit.SECONDS).connectId();
            module.send(id, "hello".getBytes(), SendOptions.DEFAULT).get(10, TimeUnit.SECONDS);
            DatagramPacket hello = new DatagramPacket(new byte[64], 64);
            peer.receive(hello);

            ModuleClient again = restart();
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            for (int i = 0; i < 3; i++) {
                byte[] datagram = Payloads.binary(400 + i, 40 + i);
                expected.write(datagram);
                peer.send(new DatagramPacket(datagram, datagram.length, hello.getSocketAddress()));
            }
            startRestarted(again);

            ConnectionSnapshot adopted = again.connection(id);
            assertThat(adopted.protocol()).isEqualTo(Protocol.UDP);
            assertThat(adopted.mode()).isEqualTo(AccessMode.PACKET_BUFFER);
            assertThat(drain(again, id, expected.size())).isEqualTo(expected.toByteArray());
        }
    }

    @Test
    void aModuleLeftInTransparentModeIsEscapedBeforeAnyProbeSoThePeerGetsNoStrayByte() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int id = module.open(new OpenRequest(Protocol.TCP, "127.0.0.1", server.getLocalPort(), 3,
                    AccessMode.TRANSPARENT, null, null)).get(15, TimeUnit.SECONDS).connectId();
            try (Socket peer = server.accept()) {
                ByteArrayOutputStream heard = new ByteArrayOutputStream();
                Thread.ofPlatform().daemon().start(() -> {
                    byte[] buffer = new byte[1024];
                    try (var in = peer.getInputStream()) {
                        for (int n; (n = in.read(buffer)) >= 0; ) {
                            synchronized (heard) {
                                heard.write(buffer, 0, n);
                            }
                        }
                    } catch (java.io.IOException closed) {
                        // the test is over
                    }
                });
                ModuleClient again = restart();
                startRestarted(again);

                assertThat(again.connection(id).state()).isEqualTo(ConnectionState.CONNECTED);
                synchronized (heard) {
                    assertThat(heard.toByteArray()).as("bytes the peer got while the gateway restarted").isEmpty();
                }
                again.send(id, "after restart".getBytes(), SendOptions.DEFAULT).get(10, TimeUnit.SECONDS);
                await().atMost(WAIT).until(() -> {
                    synchronized (heard) {
                        return heard.toString(java.nio.charset.StandardCharsets.ISO_8859_1).equals("after restart");
                    }
                });
            }
        }
    }
}
