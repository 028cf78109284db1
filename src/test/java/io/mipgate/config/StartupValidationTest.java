package io.mipgate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mipgate.MipgateApplication;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * A bad setting stops start-up with a message that names the module and the setting (README, "Configuring modules"),
 * so an operator finds the line to fix: each case is bound from properties exactly as application.yml would be.
 */
class StartupValidationTest {

    private final ApplicationContextRunner modules = new ApplicationContextRunner()
            .withUserConfiguration(ModuleConfiguration.class);

    static Stream<Arguments> badSettings() {
        return Stream.of(
                Arguments.of("no id", new String[] {"mipgate.modules[0].port=emulator:ML307R"},
                        new String[] {"mipgate.modules[0]", "'id'", "missing"}),
                Arguments.of("an id twice", new String[] {"mipgate.modules[0].id=m0",
                        "mipgate.modules[0].port=emulator:ML307R", "mipgate.modules[1].id=m0",
                        "mipgate.modules[1].port=emulator:MN316"}, new String[] {"'m0'", "'id'", "configured twice"}),
                Arguments.of("no port", new String[] {"mipgate.modules[0].id=m0"},
                        new String[] {"'m0'", "'port'", "missing"}),
                Arguments.of("an unknown scheme", new String[] {"mipgate.modules[0].id=m0",
                        "mipgate.modules[0].port=usb:/dev/ttyUSB2"}, new String[] {"'m0'", "usb"}),
                Arguments.of("a baud rate that is no number", new String[] {"mipgate.modules[0].id=m0",
                        "mipgate.modules[0].port=serial:/dev/ttyUSB2?baud=fast"}, new String[] {"'m0'", "baud"}),
                Arguments.of("an unknown model", new String[] {"mipgate.modules[0].id=m0",
                        "mipgate.modules[0].port=emulator:ML307R", "mipgate.modules[0].model=ML999"},
                        new String[] {"'m0'", "'model'", "ML999"}),
                Arguments.of("an empty queue", new String[] {"mipgate.modules[0].id=m0",
                        "mipgate.modules[0].port=emulator:ML307R", "mipgate.modules[0].queue-capacity=0"},
                        new String[] {"'m0'", "'queue-capacity'", "at least 1"}),
                Arguments.of("a receive buffer below 1KB", new String[] {"mipgate.modules[0].id=m0",
                        "mipgate.modules[0].port=emulator:ML307R", "mipgate.modules[0].receive-buffer=100B"},
                        new String[] {"'m0'", "'receive-buffer'", "1KB"}),
                Arguments.of("a back-off cap below its start", new String[] {"mipgate.modules[0].id=m0",
                        "mipgate.modules[0].port=emulator:ML307R", "mipgate.modules[0].backoff-initial=10s",
                        "mipgate.modules[0].backoff-max=1s"}, new String[] {"'m0'", "'backoff-max'"}),
                Arguments.of("no back-off", new String[] {"mipgate.modules[0].id=m0",
                        "mipgate.modules[0].port=emulator:ML307R", "mipgate.modules[0].backoff-initial=0s"},
                        new String[] {"'m0'", "'backoff-initial'"}),
                Arguments.of("a reboot after no timeout", new String[] {"mipgate.modules[0].id=m0",
                        "mipgate.modules[0].port=emulator:ML307R", "mipgate.modules[0].timeouts-before-reboot=0"},
                        new String[] {"'m0'", "'timeouts-before-reboot'", "at least 1"}),
                Arguments.of("a reboot after no reopen", new String[] {"mipgate.modules[0].id=m0",
                        "mipgate.modules[0].port=emulator:ML307R", "mipgate.modules[0].reopens-before-reboot=0"},
                        new String[] {"'m0'", "'reopens-before-reboot'"}),
                Arguments.of("negative soft reboots", new String[] {"mipgate.modules[0].id=m0",
                        "mipgate.modules[0].port=emulator:ML307R", "mipgate.modules[0].soft-reboots=-1"},
                        new String[] {"'m0'", "'soft-reboots'"}),
                Arguments.of("negative attempts", new String[] {"mipgate.modules[0].id=m0",
                        "mipgate.modules[0].port=emulator:ML307R", "mipgate.modules[0].max-recovery-attempts=-1"},
                        new String[] {"'m0'", "'max-recovery-attempts'"}),
                Arguments.of("a negative boot wait", new String[] {"mipgate.modules[0].id=m0",
                        "mipgate.modules[0].port=emulator:ML307R", "mipgate.modules[0].boot-wait=-1s"},
                        new String[] {"'m0'", "'boot-wait'"}),
                Arguments.of("a line rate search without rates", new String[] {"mipgate.modules[0].id=m0",
                        "mipgate.modules[0].port=emulator:ML307R", "mipgate.modules[0].line-rate-search.rates="},
                        new String[] {"'m0'", "'line-rate-search.rates'"}),
                Arguments.of("a line rate search that never probes after the change", new String[] {
                        "mipgate.modules[0].id=m0", "mipgate.modules[0].port=emulator:ML307R",
                        "mipgate.modules[0].line-rate-search.probes-after-change=0"},
                        new String[] {"'m0'", "'line-rate-search'"}),
                Arguments.of("a queue capacity that is no number", new String[] {"mipgate.modules[0].id=m0",
                        "mipgate.modules[0].port=emulator:ML307R", "mipgate.modules[0].queue-capacity=many"},
                        new String[] {"mipgate.modules[0].queue-capacity"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSettings")
    void aBadModuleSettingFailsStartUpNamingIt(String what, String[] properties, String[] named) {
        modules.withPropertyValues(properties).run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).as(what).contains(named);
        });
    }

    @Test
    void goodSettingsStartTheModules() {
        modules.withPropertyValues("mipgate.modules[0].id=m0", "mipgate.modules[0].port=emulator:ML307R",
                "mipgate.modules[0].model=ML307R", "mipgate.modules[0].receive-buffer=1KB").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(io.mipgate.module.DeviceManager.class).modules())
                            .extracting(io.mipgate.module.ModuleSnapshot::id).containsExactly("m0");
                });
    }

    @Test
    void theApplicationItselfRefusesToStartAndSaysWhy() {
        SpringApplicationBuilder application = new SpringApplicationBuilder(MipgateApplication.class)
                .web(WebApplicationType.NONE);
        assertThatThrownBy(() -> application.run("--spring.datasource.url=jdbc:h2:mem:startup-validation",
                "--mipgate.modules[0].id=gw1-m0", "--mipgate.modules[0].port=serial:/dev/ttyUSB2?baud=fast").close())
                .satisfies(failure -> assertThat(messages(failure)).contains("'gw1-m0'", "baud"));
    }

    /** Every message along the cause chain: Spring wraps the one that names the setting. */
    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

}
