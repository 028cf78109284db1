package io.mipgate.transport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.mipgate.transport.LinkTestSupport.readExactly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class InProcessLinkTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void commandAndAnswerRoundTrip() throws Exception {
        InProcessLink.Pair pair = InProcessLink.pair();
        Link gateway = pair.gatewaySide();
        Link module = pair.moduleSide();
        gateway.open();

        gateway.write("AT+CGSN=1\r".getBytes(StandardCharsets.US_ASCII));
        assertThat(new String(readExactly(module, 10), StandardCharsets.US_ASCII)).isEqualTo("AT+CGSN=1\r");
        String answer = "\r\n+CGSN: 869999000000001\r\n\r\nOK\r\n";
        module.write(answer.getBytes(StandardCharsets.US_ASCII));
        assertThat(new String(readExactly(gateway, answer.length()), StandardCharsets.US_ASCII)).isEqualTo(answer);
        assertThat(gateway.describe()).matches("inproc:\\d+/gateway");
        assertThat(module.describe()).matches("inproc:\\d+/module");
    }

    @Test
    void moduleClosingIsEndOfStreamForTheGatewayAfterBufferedBytes() throws Exception {
        InProcessLink.Pair pair = InProcessLink.pair();
        pair.moduleSide().write("\r\nOK\r\n".getBytes(StandardCharsets.US_ASCII));

        pair.moduleSide().close();

        assertThat(readExactly(pair.gatewaySide(), 6)).asString(StandardCharsets.US_ASCII).isEqualTo("\r\nOK\r\n");
        assertThat(pair.gatewaySide().read(new byte[8], 0, 8)).isEqualTo(-1);
        assertThatThrownBy(() -> pair.gatewaySide().write(new byte[] {'A'})).isInstanceOf(IOException.class)
                .hasMessageContaining("closed by the reading side");
    }

    @Test
    void gatewayClosingIsEndOfStreamForTheModule() throws Exception {
        InProcessLink.Pair pair = InProcessLink.pair();
        pair.gatewaySide().write(new byte[] {'A', 'T', '\r'});

        pair.gatewaySide().close();
        pair.gatewaySide().close(); // idempotent

        assertThat(readExactly(pair.moduleSide(), 3)).containsExactly('A', 'T', '\r');
        assertThat(pair.moduleSide().read(new byte[8], 0, 8)).isEqualTo(-1);
        assertThat(pair.gatewaySide().read(new byte[8], 0, 8)).isEqualTo(-1);
        assertThatThrownBy(() -> pair.gatewaySide().write(new byte[] {'A'})).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> pair.gatewaySide().open()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closeFromAnotherThreadUnblocksABlockedReader() throws Exception {
        InProcessLink.Pair pair = InProcessLink.pair();
        CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> read(pair.gatewaySide()), threads);
        await().during(50, TimeUnit.MILLISECONDS).until(() -> !read.isDone());

        pair.gatewaySide().close();

        assertThat(read.get(5, TimeUnit.SECONDS)).isEqualTo(-1);
    }

    @Test
    void peerCloseUnblocksABlockedReaderAndABlockedWriter() throws Exception {
        InProcessLink.Pair pair = InProcessLink.pair(16, BytePipe.UNLIMITED_CHUNK);
        CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> read(pair.gatewaySide()), threads);
        CompletableFuture<Void> write = CompletableFuture.runAsync(() -> {
            try {
                pair.gatewaySide().write(new byte[64]); // 4× the buffer: blocks until the module reads
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, threads);
        await().during(50, TimeUnit.MILLISECONDS).until(() -> !read.isDone() && !write.isDone());

        pair.moduleSide().close();

        assertThat(read.get(5, TimeUnit.SECONDS)).isEqualTo(-1);
        assertThatThrownBy(() -> write.get(5, TimeUnit.SECONDS)).hasRootCauseInstanceOf(IOException.class);
    }

    @Test
    void chunkLimitForcesFragmentation() throws Exception {
        InProcessLink.Pair pair = InProcessLink.pair(1024, 3);
        byte[] answer = "\r\n+MIPURC: \"rtcp\",0,5,hello\r\n".getBytes(StandardCharsets.US_ASCII);
        pair.moduleSide().write(answer);

        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[64];
        int reads = 0;
        while (received.size() < answer.length) {
            int n = pair.gatewaySide().read(buffer, 0, buffer.length);
            assertThat(n).isBetween(1, 3);
            received.write(buffer, 0, n);
            reads++;
        }
        assertThat(received.toByteArray()).isEqualTo(answer);
        assertThat(reads).isEqualTo((answer.length + 2) / 3);
    }

    @Test
    void backPressurePassesOneMebibyteByteExact() throws Exception {
        byte[] payload = LinkTestSupport.randomBytes(1024 * 1024, 307);
        InProcessLink.Pair pair = InProcessLink.pair(4096, 1000); // a small, oddly sized window

        Future<?> writer = threads.submit(() -> {
            // Uneven writes so chunk boundaries and ring wrap-around never line up.
            for (int offset = 0, step = 1; offset < payload.length; offset += step, step = step % 9000 + 777) {
                pair.moduleSide().write(payload, offset, Math.min(step, payload.length - offset));
            }
            pair.moduleSide().close();
            return null;
        });
        ByteArrayOutputStream received = new ByteArrayOutputStream(payload.length);
        byte[] buffer = new byte[1500];
        for (int n; (n = pair.gatewaySide().read(buffer, 0, buffer.length)) >= 0; ) {
            received.write(buffer, 0, n);
        }

        writer.get(10, TimeUnit.SECONDS);
        assertThat(received.toByteArray()).isEqualTo(payload);
    }

    @Test
    void bothDirectionsCarryDataConcurrently() throws Exception {
        byte[] up = LinkTestSupport.randomBytes(256 * 1024, 1);
        byte[] down = LinkTestSupport.randomBytes(256 * 1024, 2);
        InProcessLink.Pair pair = InProcessLink.pair(512, 64);

        Future<byte[]> atModule = threads.submit(() -> readExactly(pair.moduleSide(), up.length));
        Future<byte[]> atGateway = threads.submit(() -> readExactly(pair.gatewaySide(), down.length));
        Future<?> gatewayWriter = threads.submit(() -> {
            pair.gatewaySide().write(up);
            return null;
        });
        Future<?> moduleWriter = threads.submit(() -> {
            pair.moduleSide().write(down);
            return null;
        });

        gatewayWriter.get(10, TimeUnit.SECONDS);
        moduleWriter.get(10, TimeUnit.SECONDS);
        assertThat(atModule.get(10, TimeUnit.SECONDS)).isEqualTo(up);
        assertThat(atGateway.get(10, TimeUnit.SECONDS)).isEqualTo(down);
    }

    private static int read(Link link) {
        try {
            return link.read(new byte[16], 0, 16);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
