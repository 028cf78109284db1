package io.mipgate.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.mipgate.emulator.net.LoopbackDnsServer;
import io.mipgate.emulator.net.LoopbackSntpServer;
import io.mipgate.emulator.net.TcpEchoServer;
import io.mipgate.emulator.net.UdpEchoServer;
import io.mipgate.module.DeviceManager;
import io.mipgate.testsupport.ScriptedModuleDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * A test that names no profile runs in "test", not in the demo: no virtual module and none of the demo's servers start
 * behind its back. (Same configuration as {@code H2StoreTest}, so the suite shares one context.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.datasource.url=jdbc:h2:mem:store-contract;DB_CLOSE_DELAY=-1",
        "mipgate.box-id=box-a"})
@Import(ScriptedModuleDirectory.Config.class)
class TestProfileTest {

    @Autowired Environment environment;
    @Autowired ApplicationContext context;
    @Autowired DeviceManager devices;

    @Test
    void testsWithoutAProfileRunInTheTestProfileNotTheDemo() {
        assertThat(environment.getActiveProfiles()).isEmpty();
        assertThat(environment.getDefaultProfiles()).containsExactly("test");
        assertThat(devices.modules()).as("no module is configured behind the test's back").isEmpty();
        assertThat(context.getBeanNamesForType(DemoConfiguration.class)).isEmpty();
        for (Class<?> demoServer : new Class<?>[] {TcpEchoServer.class, UdpEchoServer.class, LoopbackDnsServer.class,
                LoopbackSntpServer.class}) {
            assertThat(context.getBeanNamesForType(demoServer)).as(demoServer.getSimpleName()).isEmpty();
        }
    }
}
