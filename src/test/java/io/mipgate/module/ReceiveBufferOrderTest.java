package io.mipgate.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mipgate.domain.Protocol;
import io.mipgate.emulator.net.UdpEchoServer;
import io.mipgate.module.event.ModuleEvent;
import io.mipgate.module.request.ConnectionSetting;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The receive buffer is set before open (AT-REFERENCE 2.1.1): the driver refuses it afterwards, sending nothing. */
class ReceiveBufferOrderTest {

    @Test
    void aReceiveBufferForAnOpenConnectionIsAConflictThatNeverReachesTheModule() throws Exception {
        try (UdpEchoServer echo = UdpEchoServer.start(); Gateway gateway = new Gateway()) {
            ModuleClient module = gateway.emulated("m", "ML307R");
            gateway.start();
            module.configure(new ConnectionSetting.ReceiveBuffer(0, 4096)).get(10, TimeUnit.SECONDS);
            module.open(new OpenRequest(Protocol.UDP, "127.0.0.1", echo.port(), 0, null, null, null))
                    .get(15, TimeUnit.SECONDS);
            long configured = configureJobs(gateway);

            assertThatThrownBy(() -> module.configure(new ConnectionSetting.ReceiveBuffer(0, 8192)))
                    .isInstanceOf(ModuleException.StateConflict.class).hasMessageContaining("rcvbuf");

            assertThat(configureJobs(gateway)).isEqualTo(configured);
            module.close(0, null).get(10, TimeUnit.SECONDS);
            module.configure(new ConnectionSetting.ReceiveBuffer(0, 8192)).get(10, TimeUnit.SECONDS);
        }
    }

    private static long configureJobs(Gateway gateway) {
        return gateway.events(ModuleEvent.JobFinished.class).stream()
                .filter(job -> job.command().equals("AT+MIPCFG")).count();
    }
}
