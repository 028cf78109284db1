package io.mipgate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.mipgate.emulator.model.EmulatedFamily;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The virtual module's 27.007 status answers, and how operator-set conditions and AT+CFUN move them. */
class CellularCommandsTest {

    private EmulatorHarness at;

    @AfterEach
    void tearDown() {
        if (at != null) {
            at.close();
        }
    }

    @Test
    void ml307rAnswersAHealthyRegisteredModule() {
        at = EmulatorHarness.start(EmulatorHarness.fast(EmulatedFamily.ML307R).build());
        at.exchange("AT+CSQ", "+CSQ: 21,0", "OK");
        at.exchange("AT+CESQ", "+CESQ: 99,99,255,255,22,46", "OK");
        at.exchange("AT+CEREG?", "+CEREG: 0,1", "OK");
        at.exchange("AT+CEREG=2", "OK");
        at.exchange("AT+CEREG?", "+CEREG: 2,1,\"58BC\",\"0C03A143\",7", "OK");
        at.exchange("AT+CGATT?", "+CGATT: 1", "OK");
        at.exchange("AT+COPS?", "+COPS: 0,0,\"CHINA MOBILE\",7", "OK");
        at.exchange("AT+CPIN?", "+CPIN: READY", "OK");
        at.exchange("AT+MCCID", "+MCCID: 89860412102080012345", "OK");
        at.exchange("AT+ICCID", "+ICCID: 89860412102080012345", "OK");
        at.exchange("AT+CIMI", "460041234567890", "OK");
        at.exchange("AT+CFUN?", "+CFUN: 1", "OK");
        at.exchange("AT+CGDCONT?", "+CGDCONT: 1,\"IPV4V6\",\"CMIOT\",,0,0,,,,", "OK");
        // the virtual module's sockets are the host's, so its context carries the host's address
        at.exchange("AT+CGPADDR", "+CGPADDR: 1,\"" + java.net.InetAddress.getLoopbackAddress().getHostAddress() + "\"", "OK");
    }

    @Test
    void ml307rRefusesTheFormsFieldFirmwareDoesNotHave() {
        at = EmulatorHarness.start(EmulatorHarness.fast(EmulatedFamily.ML307R).build());
        // FIELD-NOTES §3: AT+CREG? and AT+CCID answer a bare ERROR on ML307R
        at.exchange("AT+CREG?", "ERROR");
        at.exchange("AT+CCID", "ERROR");
    }

    @Test
    void nbFamiliesHaveNoCesqAndReportNbIot() {
        at = EmulatorHarness.start(EmulatorHarness.fast(EmulatedFamily.MN316).build());
        at.exchange("AT+CESQ", "ERROR");
        at.exchange("AT+COPS?", "+COPS: 0,0,\"CHINA MOBILE\",9", "OK");
        at.exchange("AT+CGDCONT?", "+CGDCONT: 1,\"IP\",\"CMIOT\",,0,0,,,,", "OK");
    }

    @Test
    void operatorConditionsMoveTheAnswers() {
        at = EmulatorHarness.start(EmulatorHarness.fast(EmulatedFamily.ML307R).build());
        AdminCommands admin = new AdminCommands(at.faults());

        assertThat(admin.execute("signal -105 -120 -15.5")).isEqualTo("ok");
        at.exchange("AT+CSQ", "+CSQ: 4,0", "OK");
        at.exchange("AT+CESQ", "+CESQ: 99,99,255,255,9,21", "OK");
        assertThat(admin.execute("signal none")).isEqualTo("ok");
        at.exchange("AT+CSQ", "+CSQ: 99,99", "OK");

        assertThat(admin.execute("register searching")).isEqualTo("ok");
        at.exchange("AT+CEREG?", "+CEREG: 0,2", "OK");
        at.exchange("AT+CGATT?", "+CGATT: 0", "OK");
        at.exchange("AT+COPS?", "+COPS: 0", "OK");
        at.exchange("AT+CGPADDR", "OK");

        assertThat(admin.execute("register home")).isEqualTo("ok");
        assertThat(admin.execute("sim missing")).isEqualTo("ok");
        at.exchange("AT+CPIN?", "+CME ERROR: 10");
        at.exchange("AT+CIMI", "+CME ERROR: 10");
        at.exchange("AT+MCCID", "+CME ERROR: 10");
        at.exchange("AT+CEREG?", "+CEREG: 0,0", "OK");
        assertThat(admin.execute("sim present")).isEqualTo("ok");
        at.exchange("AT+CEREG?", "+CEREG: 0,1", "OK");
        assertThat(admin.execute("register bogus")).startsWith("error:");
    }

    @Test
    void radioOffDeregistersUntilOnAgainOrReboot() {
        at = EmulatorHarness.start(EmulatorHarness.fast(EmulatedFamily.ML307R).build());
        at.exchange("AT+CFUN=0", "OK");
        at.exchange("AT+CFUN?", "+CFUN: 0", "OK");
        at.exchange("AT+CSQ", "+CSQ: 99,99", "OK");
        at.exchange("AT+CEREG?", "+CEREG: 0,0", "OK");
        at.exchange("AT+CFUN=2", "+CME ERROR: 50");
        at.exchange("AT+CFUN=1", "OK");
        at.exchange("AT+CEREG?", "+CEREG: 0,1", "OK");
    }

    @Test
    void pdpContextDefinitionsSurviveAReboot() {
        at = EmulatorHarness.start(EmulatorHarness.fast(EmulatedFamily.ML307R).build());
        at.exchange("AT+CGDCONT=1,\"IP\",\"internet.example\"", "+CME ERROR: 3"); // not while it is active
        at.exchange("AT+CGACT=0,1", "OK");
        at.exchange("AT+CGDCONT=1,\"IP\",\"internet.example\"", "OK");
        at.exchange("AT+CGDCONT=3,\"IPV6\",\"\"", "OK");
        at.exchange("AT+CGDCONT=2,\"PPP\",\"x\"", "+CME ERROR: 50");
        at.exchange("AT+CGDCONT=16,\"IP\",\"x\"", "+CME ERROR: 50");
        at.exchange("AT+MREBOOT", "OK", "REBOOTING", "+MATREADY");
        at.echo(true);
        at.exchange("ATE0", "OK");
        at.echo(false);
        at.exchange("AT+CGDCONT?", "+CGDCONT: 1,\"IP\",\"internet.example\",,0,0,,,,",
                "+CGDCONT: 3,\"IPV6\",\"\",,0,0,,,,", "OK");
        at.exchange("AT+CGPADDR", "+CGPADDR: 1,\"" + java.net.InetAddress.getLoopbackAddress().getHostAddress() + "\"", "OK");
    }
}
