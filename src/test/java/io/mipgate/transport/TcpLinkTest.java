package io.mipgate.transport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.mipgate.transport.LinkTestSupport.readExactly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Against a loopback "serial server" started by the test. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TcpLinkTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private ServerSocket server;
    private TcpLink link;

    @BeforeEach
    void startServer() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        link = new TcpLink("ser2net-1", new LinkSpec.Tcp("127.0.0.1", server.getLocalPort(), Duration.ofSeconds(2)));
    }

    @AfterEach
    void stop() throws IOException {
        threads.shutdownNow();
        link.close();
        server.close();
    }

    @Test
    void commandAndAnswerRoundTrip() throws Exception {
        Future<Socket> accepted = threads.submit(server::accept);
        link.open();
        link.open(); // already open: no-op
        try (Socket module = accepted.get(5, TimeUnit.SECONDS)) {
            link.write("AT\r".getBytes(StandardCharsets.US_ASCII));
            assertThat(readExactly(module.getInputStream(), 3)).asString(StandardCharsets.US_ASCII).isEqualTo("AT\r");

            module.getOutputStream().write("\r\nOK\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(readExactly(link, 6)).asString(StandardCharsets.US_ASCII).isEqualTo("\r\nOK\r\n");
        }
        assertThat(link.describe()).isEqualTo("tcp:127.0.0.1:" + server.getLocalPort());
    }

    @Test
    void serverClosingIsEndOfStream() throws Exception {
        Future<Socket> accepted = threads.submit(server::accept);
        link.open();
        Socket module = accepted.get(5, TimeUnit.SECONDS);
        module.getOutputStream().write(LinkTestSupport.allByteValues(256));

        module.close();

        assertThat(readExactly(link, 256)).isEqualTo(LinkTestSupport.allByteValues(256));
        assertThat(link.read(new byte[16], 0, 16)).isEqualTo(-1);
    }

    @Test
    void closeFromAnotherThreadUnblocksABlockedReader() throws Exception {
        Future<Socket> accepted = threads.submit(server::accept);
        link.open();
        try (Socket ignored = accepted.get(5, TimeUnit.SECONDS)) {
            CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> {
                try {
                    return link.read(new byte[16], 0, 16);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }, threads);
            await().during(50, TimeUnit.MILLISECONDS).until(() -> !read.isDone());

            link.close();

            assertThat(read.get(5, TimeUnit.SECONDS)).isEqualTo(-1);
            assertThatThrownBy(() -> link.write(new byte[] {'A'})).hasMessageContaining("closed");
        }
    }

    @Test
    void refusedConnectionNamesModuleAndServer() throws Exception {
        int port = server.getLocalPort();
        server.close(); // nothing listens there any more

        assertThatThrownBy(link::open)
                .isInstanceOf(IOException.class)
                .hasMessageContaining("module ser2net-1")
                .hasMessageContaining("tcp:127.0.0.1:" + port);
    }
}
