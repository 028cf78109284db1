package io.mipgate.config;

import io.mipgate.config.startup.PortInUseException;
import io.mipgate.emulator.net.LoopbackDnsServer;
import io.mipgate.emulator.net.LoopbackSntpServer;
import io.mipgate.emulator.net.TcpEchoServer;
import io.mipgate.emulator.net.UdpEchoServer;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The embedded default has something to talk to: a loopback TCP and UDP echo service, and a start-up log that says
 * what to try next.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
public class DemoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DemoConfiguration.class);
    static final String DEMO_HOST = "echo.mipgate.demo";

    @Bean(destroyMethod = "close")
    TcpEchoServer demoTcpEcho(@Value("${mipgate.demo.echo-port:7007}") int port) throws IOException {
        return bound("demo TCP echo service", port, "mipgate.demo.echo-port", () -> TcpEchoServer.start(port));
    }

    @Bean(destroyMethod = "close")
    UdpEchoServer demoUdpEcho(@Value("${mipgate.demo.echo-port:7007}") int port) throws IOException {
        return bound("demo UDP echo service", port, "mipgate.demo.echo-port", () -> UdpEchoServer.start(port));
    }

    /** An offline zone the virtual modules use as their network's DNS: {@code echo.mipgate.demo} is this host. */
    @Bean(destroyMethod = "close")
    LoopbackDnsServer demoDns(@Value("${mipgate.demo.dns-port:15353}") int port) throws IOException {
        return bound("demo DNS zone", port, "mipgate.demo.dns-port (and dns= in the modules' port)",
                () -> LoopbackDnsServer.start(java.net.InetAddress.getLoopbackAddress(), port, false))
                .addA(DEMO_HOST, "127.0.0.1");
    }

    /** A loopback SNTP server with this host's clock, so AT+MNTP works without a network. */
    @Bean(destroyMethod = "close")
    LoopbackSntpServer demoNtp(@Value("${mipgate.demo.ntp-port:10123}") int port) throws IOException {
        return bound("demo SNTP server", port, "mipgate.demo.ntp-port",
                () -> LoopbackSntpServer.start(java.time.Clock.systemUTC(), port));
    }

    /** A loopback service to start on its configured port; a taken port fails start-up with one clear line. */
    interface Binding<T> {
        T start() throws IOException;
    }

    static <T> T bound(String service, int port, String property, Binding<T> binding) throws IOException {
        try {
            return binding.start();
        } catch (IOException e) {
            throw new PortInUseException(service, port, property, e);
        } catch (IllegalStateException e) {
            throw new PortInUseException(service, port, property, new IOException(e.getMessage(), e));
        }
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> demoHints(TcpEchoServer tcp, UdpEchoServer udp,
                                                         @Value("${server.port:8080}") int serverPort) {
        return ready -> log.info("""

                ==== mipgate demo: virtual modules emu-ml307r (Cat.1) and emu-mn316 (NB-IoT), echo service on \
                127.0.0.1:{} (TCP) / {} (UDP) ====
                  curl -s -H "X-API-Key: $MIPGATE_KEY" -H 'Content-Type: application/json' \\
                       -d '{"protocol":"TCP","host":"127.0.0.1","port":{}}' \\
                       http://localhost:{}/api/v1/modules/emu-ml307r/connections
                  then see README.md "Walk-through with curl"; API docs at http://localhost:{}/swagger-ui.html""",
                tcp.port(), udp.port(), tcp.port(), serverPort, serverPort);
    }
}
