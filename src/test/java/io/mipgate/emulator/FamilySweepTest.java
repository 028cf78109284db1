package io.mipgate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.mipgate.domain.MipCfgOption;
import io.mipgate.emulator.model.Dialect;
import io.mipgate.emulator.model.EmulatedFamily;
import io.mipgate.emulator.model.ModelFacts;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every family: connect_id range, unsupported options, transparent mode, test-command ranges. */
class FamilySweepTest {

    @ParameterizedTest
    @EnumSource(EmulatedFamily.class)
    void capabilitiesOnTheWire(EmulatedFamily family) throws Exception {
        ModelFacts model = family.facts();
        int max = model.connectIds().max();
        try (EmulatorHarness at = EmulatorHarness.start(EmulatorHarness.fast(family).build())) {
            at.command("AT+MIPSTATE?");
            List<String> lines = at.linesUntilFinal();
            assertThat(lines).hasSize(max + 2).last().isEqualTo("OK");
            at.exchange("AT+MIPSTATE=" + max, "+MIPSTATE: " + max + ",,,,\"INITIAL\"", "OK");
            at.exchange("AT+MIPSTATE=" + (max + 1), "+CME ERROR: 50");
            at.exchange("AT+MIPCLOSE=" + (max + 1), "+CME ERROR: 50");
            for (MipCfgOption option : MipCfgOption.values()) {
                at.command("AT+MIPCFG=\"" + option.wireName() + "\",0");
                String first = at.nextLine();
                if (model.supports(option)) {
                    assertThat(first).startsWith("+MIPCFG: \"" + option.wireName() + "\",0");
                    at.expectLine("OK");
                } else {
                    assertThat(first).isEqualTo("+CME ERROR: 50");
                }
            }
            at.command("AT+MIPCFG=?");
            List<String> test = at.linesUntilFinal();
            assertThat(test).allSatisfy(l -> assertThat(l).matches("OK|\\+MIPCFG: \"\\w+\",\\(0-" + max + "\\).*"));
            assertThat(test).hasSize((int) java.util.Arrays.stream(MipCfgOption.values())
                    .filter(model::supports).count() + 1);
            model.send().sendTimeout().ifPresent(range ->
                    assertThat(test).contains("+MIPCFG: \"timeout\",(0-" + max + ")," + range));
            at.exchange("AT+MIPRD=?", "+MIPRD: (0-" + max + ")," + model.receive().readLength(), "OK");
            at.exchange("AT+MIPTKA=?", "+MIPTKA: (0-" + max + "),(0-1),(30-7200),(30-600),(1-9)", "OK");
            at.exchange("AT+MIPTKA=0", "+MIPTKA: 0,0", "OK");
            at.exchange("AT+MIPTKA=0,1", "OK");
            at.exchange("AT+MIPTKA=0", "+MIPTKA: 0,1," + model.keepAlive().keepIdleDefault() + ","
                    + model.keepAlive().keepIntervalDefault() + ",3", "OK");
            String transparentOpen = "AT+MIPOPEN=0,\"TCP\",\"127.0.0.1\",9,1,1";
            if (model.transparentMode()) {
                at.exchange(transparentOpen, "OK");
                // ML302A and ML305A print the older dialect's failure (FIELD-NOTES §14)
                assertThat(at.nextLine()).isEqualTo(model.dialect() == Dialect.ML30X_LEGACY ? "0,CONNECT FAIL"
                        : "+MIPOPEN: 0,557");
            } else {
                at.exchange(transparentOpen, "+CME ERROR: 50");
            }
            at.exchange(model.sack() ? "AT+MIPSACK=?" : "AT+MIPSACK=0",
                    model.sack() ? "+MIPSACK: (0-" + max + ")" : "ERROR");
        }
    }
}
