package io.mipgate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code java -jar mipgate.jar emulator …}: usage on --help, one clear line and the usage on a bad command line. */
class EmulatorCommandLineTest {

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) throws Exception {
        return EmulatorMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void helpPrintsTheUsageAndSucceeds() throws Exception {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: java -jar mipgate.jar emulator", "--model=MODEL", "--tcp=PORT",
                "--pty=PATH", "--admin=PORT", "--dns=IP", "-h, --help");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aBadCommandLineSaysWhatIsWrongInOneLine() throws Exception {
        assertThat(run("--model", "ML307R")).isEqualTo(2);
        assertThat(err.toString().lines().findFirst()).contains(
                "emulator: give exactly one of --tcp <port> or --pty <path>");
        assertThat(err.toString()).contains("Usage:");

        err.getBuffer().setLength(0);
        assertThat(run("--tcp", "7001", "--bogus")).isEqualTo(2);
        assertThat(err.toString().lines().findFirst().orElseThrow()).startsWith("emulator: Unknown option: '--bogus'");

        err.getBuffer().setLength(0);
        assertThat(run("--tcp", "7001", "--model", "NOPE")).isEqualTo(2);
        assertThat(err.toString().lines().findFirst().orElseThrow()).startsWith("emulator: ").contains("NOPE");
    }
}
