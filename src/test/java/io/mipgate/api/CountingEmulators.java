package io.mipgate.api;

import io.mipgate.emulator.EmulatorConfig;
import io.mipgate.emulator.VirtualModule;
import io.mipgate.emulator.model.EmulatedFamily;
import io.mipgate.transport.InProcessLink;
import io.mipgate.transport.Link;
import io.mipgate.transport.LinkFactory;
import io.mipgate.transport.LinkSpec;
import io.mipgate.transport.LinkStreams;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code emulator:} scheme for API tests: virtual modules whose DNS goes to the loopback responder, with fast
 * timings, behind links that record every byte the gateway writes (to prove rejected input never reached a module).
 */
final class CountingEmulators implements LinkFactory, AutoCloseable {

    private final Map<String, VirtualModule> modules = new ConcurrentHashMap<>();
    private final Map<String, ByteArrayOutputStream> written = new ConcurrentHashMap<>();
    private final InetSocketAddress dns;
    private final java.util.Set<String> held = new java.util.HashSet<>();

    CountingEmulators(InetSocketAddress dns) {
        this.dns = dns;
    }

    VirtualModule module(String id) {
        return modules.get(id);
    }

    /** From now on what module {@code id} says reaches the gateway only after {@link #releaseReplies}. */
    void holdReplies(String id) {
        synchronized (held) {
            held.add(id);
        }
    }

    void releaseReplies(String id) {
        synchronized (held) {
            held.remove(id);
            held.notifyAll();
        }
    }

    private void awaitReleased(String id) throws IOException {
        synchronized (held) {
            while (held.contains(id)) {
                try {
                    held.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while replies were held");
                }
            }
        }
    }

    /** Bytes the gateway has written to a module so far. */
    long written(String id) {
        ByteArrayOutputStream out = written.get(id);
        synchronized (out) {
            return out.size();
        }
    }

    String writtenText(String id, long from) {
        ByteArrayOutputStream out = written.get(id);
        synchronized (out) {
            byte[] all = out.toByteArray();
            return new String(all, (int) from, all.length - (int) from, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    @Override
    public Link create(String moduleId, LinkSpec spec) {
        LinkSpec.Emulator emulator = (LinkSpec.Emulator) spec;
        VirtualModule module = modules.computeIfAbsent(moduleId, id -> {
            VirtualModule m = new VirtualModule(EmulatorConfig.builder(EmulatedFamily.parse(emulator.model()))
                    .networkDns(List.of(dns.getAddress())).dnsPort(dns.getPort())
                    .bootDelay(Duration.ofMillis(50)).pingInterval(Duration.ofMillis(20))
                    .guardTime(Duration.ofMillis(100)).build());
            m.powerOn();
            return m;
        });
        ByteArrayOutputStream sink = written.computeIfAbsent(moduleId, id -> new ByteArrayOutputStream());
        InProcessLink.Pair pair = InProcessLink.pair();
        return new Link() {
            @Override
            public void open() throws IOException {
                pair.gatewaySide().open();
                pair.moduleSide().open();
                module.attach(LinkStreams.inputStream(pair.moduleSide()), LinkStreams.outputStream(pair.moduleSide()));
            }

            @Override
            public int read(byte[] buffer, int offset, int len) throws IOException {
                int n = pair.gatewaySide().read(buffer, offset, len);
                awaitReleased(moduleId);
                return n;
            }

            @Override
            public void write(byte[] buffer, int offset, int len) throws IOException {
                synchronized (sink) {
                    sink.write(buffer, offset, len);
                }
                pair.gatewaySide().write(buffer, offset, len);
            }

            @Override
            public void close() {
                pair.gatewaySide().close();
            }

            @Override
            public String describe() {
                return "counting " + spec;
            }
        };
    }

    @Override
    public void close() {
        modules.values().forEach(VirtualModule::close);
    }
}
