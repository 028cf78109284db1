package io.mipgate.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mipgate.domain.Protocol;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The data call (FIELD-NOTES §5): the gateway reads the PDP context at start-up, brings it up when the module booted
 * without it (with the configured APN or the SIM's), shows it on the module, and brings it back after a loss.
 */
class DataCallTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    final EchoAndGateway fixture = new EchoAndGateway();

    @BeforeEach
    void start() throws Exception {
    }

    private ConnectionSnapshot openEcho(ModuleClient module, int connectId) throws Exception {
        return module.open(new OpenRequest(Protocol.TCP, "127.0.0.1", fixture.echo.port(), connectId, null, null, null))
                .get(30, TimeUnit.SECONDS);
    }

    @Test
    void aModuleThatBootsWithoutADataCallGetsOneAtStartUpAndShowsItsAddress() throws Exception {
        ModuleClient module = fixture.gateway.emulated("m", "ML307R?dataCall=down");
        fixture.gateway.start();

        DataCallState call = module.snapshot().dataCall();
        assertThat(call.known()).isTrue();
        assertThat(call.active()).isTrue();
        assertThat(call.cid()).isEqualTo(1);
        assertThat(call.address()).isNotBlank();
        assertThat(openEcho(module, 0).state()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void theConfiguredApnIsUsedWhenTheSimHasNone() throws Exception {
        ModuleClient module = fixture.gateway.emulated("m", "ML307R?dataCall=down&simApn=none",
                settings -> settings.withApn("iot.mipgate.test"));
        fixture.gateway.start();

        assertThat(module.snapshot().dataCall().active()).isTrue();
        assertThat(module.snapshot().dataCall().apn()).isEqualTo("iot.mipgate.test");
        assertThat(module.raw("AT+CGDCONT?", Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS).lines())
                .anySatisfy(line -> assertThat(line).contains("iot.mipgate.test"));
    }

    @Test
    void aModuleWhoseContextIsUpIsLeftAlone() throws Exception {
        ModuleClient module = fixture.gateway.emulated("m", "ML307R");
        fixture.gateway.start();

        assertThat(module.snapshot().dataCall().active()).isTrue();
        // one AT+MIPCALL? read, no AT+CGDCONT, no activation
        assertThat(fixture.gateway.events(io.mipgate.module.event.ModuleEvent.JobFinished.class).stream()
                .filter(job -> job.command().startsWith("AT+MIPCALL") || job.command().equals("AT+CGDCONT")))
                .singleElement().satisfies(job -> assertThat(job.command()).isEqualTo("AT+MIPCALL"));
    }

    @Test
    void aLostDataCallEndsTheConnectionsAndIsBroughtBack() throws Exception {
        ModuleClient module = fixture.gateway.emulated("m", "ML307R");
        fixture.gateway.start();
        openEcho(module, 0);

        fixture.gateway.module("m").faults().dropDataCall();

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(module.connection(0).state()).isEqualTo(ConnectionState.CLOSED);
            assertThat(module.connection(0).reason()).isEqualTo("PDP deactivated");
        });
        await().atMost(WAIT).until(() -> module.readDataCall().get(10, TimeUnit.SECONDS).active());
        assertThat(openEcho(module, 0).state()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void anOpenThatMeetsALossNobodyReportedBringsTheDataCallBackAndSucceeds() throws Exception {
        ModuleClient module = fixture.gateway.emulated("m", "ML307R");
        fixture.gateway.start();
        fixture.gateway.module("m").faults().dropDataCall();
        await().atMost(WAIT).until(() -> !module.readDataCall().get(10, TimeUnit.SECONDS).active());

        assertThat(openEcho(module, 1).state()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(module.dataCall().active()).isTrue();
    }

    @Test
    void aDataCallAnOperatorTookDownStaysDown() throws Exception {
        ModuleClient module = fixture.gateway.emulated("m", "ML307R");
        fixture.gateway.start();
        openEcho(module, 0);

        module.deactivateDataCall().get(30, TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> module.connection(0).state() == ConnectionState.CLOSED);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
                .until(() -> !module.readDataCall().get(10, TimeUnit.SECONDS).active());
        module.activateDataCall().get(30, TimeUnit.SECONDS);
        assertThat(openEcho(module, 0).state()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void anNbModuleIsDrivenWithThe3gppCommands() throws Exception {
        ModuleClient module = fixture.gateway.emulated("n", "MN316?dataCall=down");
        fixture.gateway.start();

        assertThat(module.snapshot().dataCall().active()).isTrue();
        assertThat(module.snapshot().dataCall().address()).isNotBlank();
        assertThat(fixture.gateway.events(io.mipgate.module.event.ModuleEvent.JobFinished.class).stream()
                .map(io.mipgate.module.event.ModuleEvent.JobFinished::command))
                .contains("AT+CGACT", "AT+CGPADDR").doesNotContain("AT+MIPCALL");
        module.deactivateDataCall().get(30, TimeUnit.SECONDS);
        assertThat(module.readDataCall().get(10, TimeUnit.SECONDS).active()).isFalse();
    }
}
