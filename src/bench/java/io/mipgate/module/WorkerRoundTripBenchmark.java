package io.mipgate.module;

import io.mipgate.emulator.EmulatorConfig;
import io.mipgate.emulator.EmulatorLinkFactory;
import io.mipgate.emulator.EmulatorTcpServer;
import io.mipgate.emulator.VirtualModule;
import io.mipgate.emulator.model.EmulatedFamily;
import io.mipgate.transport.LinkFactories;
import io.mipgate.transport.LinkSpec;
import io.mipgate.transport.pty.PseudoTerminal;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code AT} / {@code OK} through the whole worker (queue, encoder, link, emulator, decoder, future) over each link
 * type. The in-process link is the baseline the others are compared with.
 *
 * <pre>./mvnw -Pbench verify -Dbench.include=WorkerRoundTripBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class WorkerRoundTripBenchmark {

    @Param({"in-process", "tcp", "pty"})
    public String link;

    private VirtualModule module;
    private EmulatorTcpServer tcpServer;
    private PseudoTerminal pty;
    private Path ptyDir;
    private EmulatorLinkFactory emulators;
    private DeviceManager manager;
    private ModuleClient client;

    @Setup(Level.Trial)
    public void start() throws Exception {
        emulators = new EmulatorLinkFactory();
        LinkFactories links = LinkFactories.withDefaults().register(EmulatorLinkFactory.SCHEME, emulators);
        LinkSpec spec = switch (link) {
            case "in-process" -> LinkSpec.parse("bench", "emulator:ML307R");
            case "tcp" -> {
                module = new VirtualModule(EmulatorConfig.builder(EmulatedFamily.ML307R).build());
                tcpServer = new EmulatorTcpServer(module, InetAddress.getLoopbackAddress(), 0);
                module.powerOn();
                yield LinkSpec.parse("bench", "tcp://127.0.0.1:" + tcpServer.port());
            }
            case "pty" -> {
                module = new VirtualModule(EmulatorConfig.builder(EmulatedFamily.ML307R).build());
                ptyDir = Files.createTempDirectory("mipgate-bench");
                pty = PseudoTerminal.open(ptyDir.resolve("ttyEMU0"));
                module.attach(pty.inputStream(), pty.outputStream());
                module.powerOn();
                yield LinkSpec.Serial.withDefaults(pty.devicePath().toString());
            }
            default -> throw new IllegalArgumentException(link);
        };
        manager = new DeviceManager(links, Clock.systemUTC());
        client = manager.add(ModuleSettings.defaults("bench", spec).withIntervals(Duration.ZERO, Duration.ZERO));
        manager.start(Duration.ofSeconds(20));
        if (client.snapshot().status() != ModuleStatus.UP) {
            throw new IllegalStateException("module did not come up over " + link);
        }
    }

    @Benchmark
    public boolean attentionRoundTrip() throws Exception {
        return client.raw("AT", Duration.ofSeconds(2)).get().ok();
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        manager.close();
        emulators.close();
        if (tcpServer != null) {
            tcpServer.close();
        }
        if (module != null) {
            module.close();
        }
        if (pty != null) {
            pty.close();
            Files.deleteIfExists(ptyDir);
        }
    }
}
