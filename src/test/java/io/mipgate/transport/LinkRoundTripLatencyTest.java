package io.mipgate.transport;

import io.mipgate.testsupport.RequiredFacility;
import io.mipgate.transport.pty.PseudoTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs {@link LinkRoundTripHarness} briefly so every build prints the numbers; only checks it completed. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LinkRoundTripLatencyTest {

    @Test
    void printsAtOkRoundTripPerLinkType() throws Exception {
        List<LinkRoundTripHarness.Result> results = LinkRoundTripHarness.run(200, 1000);

        System.out.println("AT\\r -> \\r\\nOK\\r\\n round trip:");
        results.forEach(result -> System.out.println("  " + result));
        assertThat(results).hasSize(PseudoTerminal.isSupported() ? 3 : 2);
        RequiredFacility.requirePseudoTerminals(); // in-process and TCP measured; the serial line needs a pty
    }
}
