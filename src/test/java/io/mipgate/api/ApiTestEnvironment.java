package io.mipgate.api;

import io.mipgate.emulator.net.TcpEchoServer;
import io.mipgate.emulator.net.UdpEchoServer;
import io.mipgate.emulator.net.LoopbackDnsServer;
import io.mipgate.emulator.net.LoopbackSntpServer;
import io.mipgate.transport.LinkFactories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Loopback peers shared by every API test (one per JVM) and the counting emulator scheme. */
@TestConfiguration(proxyBeanMethods = false)
class ApiTestEnvironment {

    static final TcpEchoServer TCP_ECHO;
    static final UdpEchoServer UDP_ECHO;
    static final LoopbackDnsServer DNS;
    static final LoopbackSntpServer SNTP;
    static final CountingEmulators EMULATORS;

    static {
        try {
            TCP_ECHO = TcpEchoServer.start();
            UDP_ECHO = UdpEchoServer.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DNS = LoopbackDnsServer.start().addA("echo.mipgate.test", "127.0.0.1");
        SNTP = LoopbackSntpServer.start(Clock.systemUTC());
        EMULATORS = new CountingEmulators(new InetSocketAddress(DNS.address(), DNS.port()));
    }

    @Bean
    static BeanPostProcessor countingEmulatorScheme() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof LinkFactories links) {
                    links.register("emulator", EMULATORS);
                }
                return bean;
            }
        };
    }
}
