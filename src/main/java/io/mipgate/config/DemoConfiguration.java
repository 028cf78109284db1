package io.mipgate.config;

import io.mipgate.config.startup.PortInUseException;
import io.mipgate.emulator.EmulatorLinkFactory;
import io.mipgate.emulator.net.LoopbackDnsServer;
import io.mipgate.emulator.net.LoopbackSntpServer;
import io.mipgate.emulator.net.TcpEchoServer;
import io.mipgate.emulator.net.UdpEchoServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The embedded default has something to talk to: a loopback TCP and UDP echo service, a DNS zone the virtual modules'
 * network provides, an SNTP server, and a start-up log that says where they listen and what to try next.
 *
 * <p>Each service binds its configured port; one taken (a second gateway on the box) falls back to a free port,
 * logged in one line with the port used, unless {@code mipgate.demo.port-fallback} is false: then start-up stops with
 * one line naming the port and its property.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
public class DemoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DemoConfiguration.class);
    static final String DEMO_HOST = "echo.mipgate.demo";
    private static final String FALLBACK = "${mipgate.demo.port-fallback:true}";

    @Bean(destroyMethod = "close")
    TcpEchoServer demoTcpEcho(@Value("${mipgate.demo.echo-port:7007}") int port, @Value(FALLBACK) boolean fallback)
            throws IOException {
        return bound("demo TCP echo service", port, "mipgate.demo.echo-port", fallback, TcpEchoServer::start,
                TcpEchoServer::port);
    }

    /** On the TCP echo service's port number where it can, so that one number serves both. */
    @Bean(destroyMethod = "close")
    UdpEchoServer demoUdpEcho(TcpEchoServer tcp, @Value(FALLBACK) boolean fallback) throws IOException {
        return bound("demo UDP echo service", tcp.port(), "mipgate.demo.echo-port", fallback, UdpEchoServer::start,
                UdpEchoServer::port);
    }

    /**
     * An offline zone the virtual modules use as their network's DNS ({@code echo.mipgate.demo} is this host): every
     * emulator module without its own {@code dns=} option asks it, on the port it actually got.
     */
    @Bean(destroyMethod = "close")
    LoopbackDnsServer demoDns(@Value("${mipgate.demo.dns-port:15353}") int port, @Value(FALLBACK) boolean fallback,
                              EmulatorLinkFactory emulators) throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        LoopbackDnsServer dns = bound("demo DNS zone", port, "mipgate.demo.dns-port", fallback,
                p -> LoopbackDnsServer.start(loopback, p, false), LoopbackDnsServer::port).addA(DEMO_HOST, "127.0.0.1");
        emulators.defaultNetworkDns(new InetSocketAddress(loopback, dns.port()));
        return dns;
    }

    /** A loopback SNTP server with this host's clock, so AT+MNTP works without a network. */
    @Bean(destroyMethod = "close")
    LoopbackSntpServer demoNtp(@Value("${mipgate.demo.ntp-port:10123}") int port, @Value(FALLBACK) boolean fallback)
            throws IOException {
        return bound("demo SNTP server", port, "mipgate.demo.ntp-port", fallback,
                p -> LoopbackSntpServer.start(Clock.systemUTC(), p), LoopbackSntpServer::port);
    }

    /** Starts a loopback service on a given port; a taken port is an {@link IOException} or IllegalStateException. */
    interface Binding<T> {
        T start(int port) throws IOException;
    }

    static <T> T bound(String service, int port, String property, boolean fallback, Binding<T> binding,
                       ToIntFunction<T> boundPort) throws IOException {
        try {
            return attempt(service, port, property, binding);
        } catch (PortInUseException taken) {
            if (!fallback || port == 0) {
                throw taken;
            }
            T server = attempt(service, 0, property, binding);
            log.warn("{}: port {} is taken; listening on 127.0.0.1:{} instead (set {} to choose)", service, port,
                    boundPort.applyAsInt(server), property);
            return server;
        }
    }

    private static <T> T attempt(String service, int port, String property, Binding<T> binding) throws IOException {
        try {
            return binding.start(port);
        } catch (IOException e) {
            throw new PortInUseException(service, port, property, e);
        } catch (IllegalStateException e) {
            throw new PortInUseException(service, port, property, new IOException(e.getMessage(), e));
        }
    }

    @Bean
    DemoEndpoints demoEndpoints(TcpEchoServer tcp, UdpEchoServer udp, LoopbackDnsServer dns, LoopbackSntpServer ntp,
                                EmulatorLinkFactory emulators, MipgateProperties properties,
                                @Value("${server.port:8080}") int configuredServerPort) {
        return new DemoEndpoints(tcp.port(), udp.port(), dns.port(), ntp.port(), emulators, properties,
                configuredServerPort);
    }

    /** {@code /actuator/info} {@code demo}: where the demo's services and each virtual module's tools listen. */
    @Bean
    InfoContributor demoInfo(DemoEndpoints endpoints) {
        return builder -> builder.withDetail("demo", endpoints.describe());
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> demoHints(DemoEndpoints endpoints) {
        return ready -> log.info(endpoints.startupHints(ready.getApplicationContext().getEnvironment()
                .getProperty("local.server.port", Integer.class, endpoints.configuredServerPort())));
    }
}
