package io.mipgate.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mipgate.domain.AccessMode;
import io.mipgate.domain.Protocol;
import io.mipgate.emulator.VirtualModule;
import io.mipgate.emulator.net.TcpEchoServer;
import io.mipgate.emulator.net.UdpEchoServer;
import io.mipgate.module.event.ModuleEvent;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A seeded random mix of opens, sends, reads, closes and faults over two virtual modules, with the data path's
 * invariants checked after every step: every connection reads back exactly the bytes echoed to it, in order, never
 * twice and never another connection's; the gateway's open connections are the module's; queues stay bounded; and
 * no thread or file descriptor outlives the gateway. A failure names its seed, and {@code -Dmipgate.soak.seed=<n>}
 * replays it; {@code -Dmipgate.soak.steps=<n>} runs longer (the default is short enough for every build).
 */
class RandomisedSoakTest {

    private static final long SEED = Long.getLong("mipgate.soak.seed", System.nanoTime());
    private static final int STEPS = Integer.getInteger("mipgate.soak.steps", 100);
    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final List<String> MODULES = List.of("soak-cat1", "soak-nb");

    /** One connection as the test sees it: what its peer echoed back so far, and what the client read of it. */
    private static final class Tracked {
        final String module;
        final int connectId;
        final long generation;
        final Protocol protocol;
        final ByteArrayOutputStream expected = new ByteArrayOutputStream();
        final ByteArrayOutputStream received = new ByteArrayOutputStream();

        Tracked(String module, int connectId, long generation, Protocol protocol) {
            this.module = module;
            this.connectId = connectId;
            this.generation = generation;
            this.protocol = protocol;
        }
    }

    private final Random random = new Random(SEED);
    private final List<Tracked> streams = new ArrayList<>();
    private Gateway gateway;
    private TcpEchoServer tcp;
    private UdpEchoServer udp;
    private long bytesChecked;
    private int faults;
    private final List<Long> recoveryMillis = new ArrayList<>();

    @Test
    void theDataPathKeepsItsPromisesUnderARandomMixOfTrafficAndFaults() throws Exception {
        soak(STEPS);
        // the first gateway started the JVM's lazy singletons (common pool, JNA cleaner, poller); a second one must
        // leave no more file descriptors behind than the first did (a margin for the other test contexts sharing
        // this JVM: a leak per connection would show as dozens), and no thread of its modules may outlive it
        long descriptorsBefore = openDescriptors();
        soak(STEPS / 4);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                    .filter(name -> MODULES.stream().anyMatch(name::endsWith))).as("threads of the soak's modules")
                    .isEmpty();
            assertThat(openDescriptors()).isLessThanOrEqualTo(descriptorsBefore + 16);
        });
        System.out.printf("soak seed=%d steps=%d faults=%d bytesChecked=%d recoveryMs=%s%n", SEED, STEPS + STEPS / 4,
                faults, bytesChecked, recoveryMillis);
    }

    private void soak(int steps) throws Exception {
        int step = 0;
        try {
            tcp = TcpEchoServer.start();
            udp = UdpEchoServer.start();
            gateway = new Gateway();
            gateway.emulated(MODULES.get(0), "ML307R", s -> s.withReceiveBuffer(64 * 1024));
            gateway.emulated(MODULES.get(1), "MN316", s -> s.withReceiveBuffer(64 * 1024));
            gateway.start();
            for (step = 0; step < steps; step++) {
                step();
                checkInvariants();
            }
            for (Tracked stream : List.copyOf(streams)) {
                drainAndClose(stream);
            }
        } catch (Throwable failure) {
            throw new AssertionError("soak failed at step " + step + " of " + steps + "; replay with -Dmipgate.soak.seed="
                    + SEED + " -Dmipgate.soak.steps=" + STEPS, failure);
        } finally {
            streams.clear();
            gateway.close();
            tcp.close();
            udp.close();
        }
    }

    private void step() throws Exception {
        int roll = random.nextInt(100);
        if (roll < 18 || streams.isEmpty()) {
            open();
        } else if (roll < 55) {
            send(pick());
        } else if (roll < 82) {
            read(pick(), 1 + random.nextInt(3000));
        } else if (roll < 92) {
            drainAndClose(pick());
        } else {
            fault();
        }
    }

    private Tracked pick() {
        return streams.get(random.nextInt(streams.size()));
    }

    private ModuleClient client(String module) {
        return gateway.manager.client(module);
    }

    private void open() throws Exception {
        String module = MODULES.get(random.nextInt(MODULES.size()));
        ModuleClient client = client(module);
        Protocol protocol = random.nextBoolean() ? Protocol.TCP : Protocol.UDP;
        AccessMode mode = random.nextBoolean() ? AccessMode.NORMAL
                : protocol == Protocol.TCP ? AccessMode.STREAM_BUFFER : AccessMode.PACKET_BUFFER;
        int port = protocol == Protocol.TCP ? tcp.port() : udp.port();
        ConnectionSnapshot opened;
        try {
            opened = client.open(new OpenRequest(protocol, "127.0.0.1", port, null, mode, null, null))
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(ModuleException.StateConflict.class);
            var ids = client.capabilities();
            assertThat(streams.stream().filter(t -> t.module.equals(module)).count())
                    .as("%s refuses an open only when every id carries a connection of ours", module)
                    .isEqualTo(ids.maxConnectId() - ids.minConnectId() + 1);
            return;
        }
        streams.add(new Tracked(module, opened.connectId(), opened.generation(), protocol));
    }

    private void send(Tracked stream) throws Exception {
        int max = stream.protocol == Protocol.UDP ? 512 : 2000;
        byte[] payload = new byte[1 + random.nextInt(max)];
        random.nextBytes(payload);
        // no fault is in flight between steps: a send that fails is a defect
        client(stream.module).send(stream.connectId, payload, SendOptions.DEFAULT).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        stream.expected.writeBytes(payload);
    }

    private void read(Tracked stream, int max) {
        byte[] data = client(stream.module).read(stream.connectId, max);
        stream.received.writeBytes(data);
        bytesChecked += data.length;
        assertInOrderOnce(stream);
    }

    /** What the client read is the start of what the peer echoed: nothing twice, nothing reordered or foreign. */
    private void assertInOrderOnce(Tracked stream) {
        byte[] received = stream.received.toByteArray();
        byte[] expected = stream.expected.toByteArray();
        assertThat(received.length).as("%s/%d read more than was echoed", stream.module, stream.connectId)
                .isLessThanOrEqualTo(expected.length);
        assertThat(Arrays.equals(received, 0, received.length, expected, 0, received.length))
                .as("%s/%d bytes read are the start of the echoed stream", stream.module, stream.connectId).isTrue();
    }

    /** Every byte echoed to the connection is read, exactly; then it is closed. */
    private void drainAndClose(Tracked stream) throws Exception {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(10)).until(() -> {
            read(stream, 64 * 1024);
            return stream.received.size() == stream.expected.size();
        });
        assertThat(stream.received.toByteArray()).isEqualTo(stream.expected.toByteArray());
        closeIfStillOpen(stream);
    }

    private void closeIfStillOpen(Tracked stream) throws Exception {
        ModuleClient client = client(stream.module);
        ConnectionSnapshot now = client.connection(stream.connectId);
        if (now.generation() == stream.generation && now.state() == ConnectionState.CONNECTED) {
            client.close(stream.connectId, null).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        streams.remove(stream);
    }

    private void fault() throws Exception {
        String module = MODULES.get(random.nextInt(MODULES.size()));
        VirtualModule virtual = gateway.module(module);
        faults++;
        switch (random.nextInt(4)) {
            case 0 -> virtual.faults().injectText("\r\n#%garbage" + random.nextInt(1000) + "\r\n");
            case 1 -> virtual.faults().delayNextResponse(Duration.ofMillis(200 + random.nextInt(800)));
            case 2 -> disruptive(module, virtual.faults()::reboot);
            default -> disruptive(module, virtual.faults()::dropAttachment);
        }
    }

    /**
     * A fault that may cost bytes in flight and the module's connections: the module comes back UP, the next job
     * works, and what each connection had delivered is still the start of its stream (nothing doubled or foreign).
     */
    private void disruptive(String module, Runnable fault) throws Exception {
        ModuleClient client = client(module);
        long leftUpBefore = leftUp(module);
        long started = System.nanoTime();
        fault.run();
        await().atMost(WAIT).until(() -> leftUp(module) > leftUpBefore);
        await().atMost(WAIT).until(() -> client.snapshot().status() == ModuleStatus.UP
                && "NONE".equals(client.snapshot().recoveryRung()));
        recoveryMillis.add(Duration.ofNanos(System.nanoTime() - started).toMillis());
        for (Tracked stream : streams.stream().filter(s -> s.module.equals(module)).toList()) {
            read(stream, 64 * 1024);
            closeIfStillOpen(stream);
        }
    }

    private long leftUp(String module) {
        return gateway.events(ModuleEvent.StatusChanged.class).stream()
                .filter(e -> e.moduleId().equals(module) && e.from() == ModuleStatus.UP).count();
    }

    private void checkInvariants() {
        for (String module : MODULES) {
            ModuleClient client = client(module);
            ModuleSnapshot snapshot = client.snapshot();
            assertThat(snapshot.queueDepth()).isLessThanOrEqualTo(snapshot.queueCapacity());
            if (snapshot.status() == ModuleStatus.UP) {
                SortedSet<Integer> gatewayView = new TreeSet<>(snapshot.connections().stream()
                        .filter(c -> c.state() == ConnectionState.CONNECTED).map(ConnectionSnapshot::connectId).toList());
                await().atMost(WAIT).untilAsserted(() -> assertThat(gateway.module(module).connectedIds())
                        .as("%s: the module's open connections", module).isEqualTo(gatewayView));
            }
        }
        for (Tracked stream : streams) {
            assertThat(client(stream.module).connection(stream.connectId).generation())
                    .as("%s/%d still carries the test's connection", stream.module, stream.connectId)
                    .isEqualTo(stream.generation);
        }
    }

    private static long openDescriptors() throws Exception {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }
}
