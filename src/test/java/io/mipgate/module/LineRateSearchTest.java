package io.mipgate.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mipgate.emulator.EmulatorConfig;
import io.mipgate.emulator.EmulatorTcpServer;
import io.mipgate.emulator.VirtualModule;
import io.mipgate.emulator.FirmwareProfile;
import io.mipgate.emulator.model.EmulatedFamily;
import io.mipgate.testsupport.RequiredFacility;
import io.mipgate.transport.LinkFactories;
import io.mipgate.transport.LinkSpec;
import io.mipgate.transport.pty.PseudoTerminal;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A module left at another rate by an earlier host (the rate survives resets, FIELD-NOTES §2/§13) is found by the
 * worker's start-up over a real pseudo-terminal and through an RFC 2217 serial server, moved to the configured rate
 * with AT+IPR, and used; field firmware that misses the first commands after the change does not stop it, a module
 * that refuses the rate is used where it was found, and one silent everywhere is left at the configured rate.
 */
class LineRateSearchTest {

    private static final Duration UP = Duration.ofSeconds(30);

    @Test
    void findsAModuleAtAnotherRateInTheUsualOrderAndMovesItThroughTheCommandsItMisses() throws Exception {
        RequiredFacility.requirePseudoTerminals();
        try (PtyModuleFixture fixture = new PtyModuleFixture(emulator(57_600).firmware(FirmwareProfile.FIELD).build());
             DeviceManager manager = new DeviceManager(LinkFactories.withDefaults(), Clock.systemUTC())) {
            ModuleClient module = manager.add(settings("rate0", fixture.link(),
                    ModuleSettings.LineRateSearch.USUAL_RATES));
            manager.start(UP);

            await().atMost(UP).until(() -> module.snapshot().status() == ModuleStatus.UP);
            assertThat(fixture.module.lineRate()).isEqualTo(115_200);
            assertThat(fixture.module.commandsMissedAfterRateChange()).as("field firmware's habit").isEqualTo(2);
            assertThat(module.snapshot().lineRate()).isEqualTo(115_200);
            assertThat(module.snapshot().recoveryAttempts()).isZero();
        }
    }

    @Test
    void aModuleWhoseRateChangedUnderARunningGatewayIsFoundByTheRecoveryLadder() throws Exception {
        RequiredFacility.requirePseudoTerminals();
        try (PtyModuleFixture fixture = new PtyModuleFixture(emulator(115_200).build());
             DeviceManager manager = new DeviceManager(LinkFactories.withDefaults(), Clock.systemUTC())) {
            ModuleClient module = manager.add(settings("rate0", fixture.link(), List.of(115_200, 9_600, 460_800))
                    .withRecovery(ModuleSettings.Recovery.DEFAULTS.withProbes(1)));
            manager.start(UP);
            await().atMost(UP).until(() -> module.snapshot().status() == ModuleStatus.UP);

            fixture.module.faults().setLineRate(460_800); // another host's AT+IPR, or a module swapped in
            await().atMost(UP).until(() -> fixture.module.lineRate() == 460_800);
            assertThat(module.raw("AT", Duration.ofMillis(500))).failsWithin(UP); // the timeout starts recovery

            await().atMost(UP).until(() -> module.snapshot().status() == ModuleStatus.UP
                    && fixture.module.lineRate() == 115_200);
            assertThat(module.raw("AT", Duration.ofSeconds(2)).get(UP.toSeconds(), TimeUnit.SECONDS).ok()).isTrue();
        }
    }

    @Test
    void keepsUsingAModuleAtTheRateItWasFoundAtWhenItRefusesTheConfiguredOne() throws Exception {
        RequiredFacility.requirePseudoTerminals();
        try (PtyModuleFixture fixture = new PtyModuleFixture(emulator(921_600).build());
             DeviceManager manager = new DeviceManager(LinkFactories.withDefaults(), Clock.systemUTC())) {
            // 250000 baud is no rate AT+IPR accepts: the module answers +CME ERROR: 50 and stays at 921600
            LinkSpec odd = fixture.link().atRate(250_000).orElseThrow();
            ModuleClient module = manager.add(settings("rate2", odd, List.of(115_200, 921_600)));
            manager.start(UP);

            await().atMost(UP).until(() -> module.snapshot().status() == ModuleStatus.UP);
            assertThat(fixture.module.lineRate()).isEqualTo(921_600);
            assertThat(module.snapshot().lineRate()).isEqualTo(921_600);
        }
    }

    @Test
    void aModuleSilentAtEveryRateIsLeftAtTheConfiguredRateForRecovery() throws Exception {
        RequiredFacility.requirePseudoTerminals();
        try (PseudoTerminal nobody = PseudoTerminal.open();
             DeviceManager manager = new DeviceManager(LinkFactories.withDefaults(), Clock.systemUTC())) {
            LinkSpec link = LinkSpec.Serial.withDefaults(nobody.slavePath().toString());
            ModuleClient module = manager.add(ModuleSettings.defaults("rate3", link)
                    .withEscapeGuard(Duration.ofMillis(60)).withIntervals(Duration.ZERO, Duration.ZERO)
                    // one attempt, then FAILED: no later attempt moves the line while the test looks at it
                    .withRecovery(ModuleSettings.Recovery.DEFAULTS.withProbes(1)
                            .withBackoff(Duration.ofMillis(100), Duration.ofMillis(100), 1))
                    .withLineRateSearch(new ModuleSettings.LineRateSearch(true, List.of(115_200, 921_600, 9_600),
                            Duration.ofMillis(200), 2)));
            manager.start(UP);

            await().atMost(UP).until(() -> module.snapshot().status() == ModuleStatus.FAILED);
            assertThat(module.snapshot().lineRate()).isEqualTo(115_200);
            assertThat(nobody.serialSideRate()).as("the line is back at the configured rate").isEqualTo(115_200);
        }
    }

    @Test
    void findsAndMovesAModuleBehindAnRfc2217SerialServer() throws Exception {
        VirtualModule virtual = new VirtualModule(emulator(460_800).build());
        try (EmulatorTcpServer server = new EmulatorTcpServer(virtual, InetAddress.getLoopbackAddress(), 0, 115_200,
                true);
             DeviceManager manager = new DeviceManager(LinkFactories.withDefaults(), Clock.systemUTC())) {
            virtual.powerOn();
            LinkSpec link = LinkSpec.parse("rate1", "tcp://127.0.0.1:" + server.port() + "?rfc2217=true&baud=115200");
            ModuleClient module = manager.add(settings("rate1", link, List.of(115_200, 9_600, 460_800)));
            manager.start(UP);

            await().atMost(UP).until(() -> module.snapshot().status() == ModuleStatus.UP);
            assertThat(virtual.lineRate()).isEqualTo(115_200);
            assertThat(virtual.bytesLostToRateMismatch()).as("the first probes at 115200 were lost").isPositive();
            assertThat(module.snapshot().lineRate()).isEqualTo(115_200);
        } finally {
            virtual.close();
        }
    }

    private static EmulatorConfig.Builder emulator(int lineRate) {
        return EmulatorConfig.builder(EmulatedFamily.ML307R).bootDelay(Duration.ZERO).guardTime(Duration.ofMillis(50))
                .lineRate(lineRate);
    }

    /**
     * A probe timeout generous for a loaded machine (the right rate must answer within it, or the search passes it
     * by); short rate lists where the order is not what a test is about, to keep it quick.
     */
    private static ModuleSettings settings(String id, LinkSpec link, List<Integer> rates) {
        return ModuleSettings.defaults(id, link).withEscapeGuard(Duration.ofMillis(60))
                .withIntervals(Duration.ZERO, Duration.ZERO)
                .withLineRateSearch(new ModuleSettings.LineRateSearch(true, rates, Duration.ofMillis(600), 5));
    }
}
