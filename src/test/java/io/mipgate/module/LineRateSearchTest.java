package io.mipgate.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mipgate.emulator.EmulatorConfig;
import io.mipgate.emulator.FirmwareProfile;
import io.mipgate.emulator.model.EmulatedFamily;
import io.mipgate.testsupport.RequiredFacility;
import io.mipgate.transport.LinkFactories;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A module left at another rate by an earlier host (the rate survives resets, FIELD-NOTES §2/§13) is found by the
 * worker's start-up over a real pseudo-terminal, moved to the configured rate with AT+IPR, and used; field firmware
 * that misses the first commands after the change does not stop it.
 */
class LineRateSearchTest {

    private static final Duration UP = Duration.ofSeconds(30);

    @BeforeEach
    void needsPseudoTerminals() {
        RequiredFacility.requirePseudoTerminals();
    }

    @Test
    void findsAModuleAtAnotherRateAndMovesItToTheConfiguredOne() throws Exception {
        try (PtyModuleFixture fixture = new PtyModuleFixture(emulator(57_600).build());
             DeviceManager manager = new DeviceManager(LinkFactories.withDefaults(), Clock.systemUTC())) {
            ModuleClient module = manager.add(settings(fixture));
            manager.start(UP);

            await().atMost(UP).until(() -> module.snapshot().status() == ModuleStatus.UP);
            assertThat(fixture.module.lineRate()).isEqualTo(115_200);
            assertThat(module.snapshot().lineRate()).isEqualTo(115_200);
        }
    }

    @Test
    void survivesFieldFirmwareMissingTheFirstCommandsAfterTheChange() throws Exception {
        try (PtyModuleFixture fixture = new PtyModuleFixture(emulator(921_600).firmware(FirmwareProfile.FIELD).build());
             DeviceManager manager = new DeviceManager(LinkFactories.withDefaults(), Clock.systemUTC())) {
            ModuleClient module = manager.add(settings(fixture));
            manager.start(UP);

            await().atMost(UP).until(() -> module.snapshot().status() == ModuleStatus.UP);
            assertThat(fixture.module.lineRate()).isEqualTo(115_200);
            assertThat(module.snapshot().recoveryAttempts()).isZero();
        }
    }

    private static EmulatorConfig.Builder emulator(int lineRate) {
        return EmulatorConfig.builder(EmulatedFamily.ML307R).bootDelay(Duration.ZERO).guardTime(Duration.ofMillis(50))
                .lineRate(lineRate);
    }

    private static ModuleSettings settings(PtyModuleFixture fixture) {
        return ModuleSettings.defaults("rate0", fixture.link()).withEscapeGuard(Duration.ofMillis(60))
                .withIntervals(Duration.ZERO, Duration.ZERO);
    }
}
