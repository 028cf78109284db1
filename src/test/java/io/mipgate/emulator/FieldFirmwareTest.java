package io.mipgate.emulator;

import io.mipgate.emulator.model.EmulatedFamily;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The field firmware profile: what release ML307R firmware does where the manual is silent or differs. */
class FieldFirmwareTest {

    @Test
    void fieldBehaviours() throws Exception {
        try (EmulatorHarness at = EmulatorHarness.attach(EmulatorHarness.fast(EmulatedFamily.ML307R)
                .firmware(FirmwareProfile.FIELD).build())) {
            at.expectSilence(Duration.ofMillis(100));
            at.send("AT\r");
            at.expectBytes("\r\n+MATREADY\r\n\r\n+CPIN: READY\r\nAT\r\r\nOK\r\n");
            at.exchange("ATE0", "OK");
            at.echo(false);
            at.exchange("AT+MIPCFG=?", "+MIPCFG: \"cid\",(0-5),(1-15)", "+MIPCFG: \"encoding\",(0-5),(0-2),(0-1)",
                    "+MIPCFG: \"timeout\",(0-5),(1-120)", "+MIPCFG: \"rcvbuf\",(0-5),(1460-65536)",
                    "+MIPCFG: \"autofree\",(0-5),(0-1)", "+MIPCFG: \"ackmode\",(0-5),(0-1)",
                    "+MIPCFG: \"ssl\",(0-5),(0-1),(0-5)", "OK");
            at.exchange("AT+MIPSEND=0,5,\"HELLO\"", "+CME ERROR: 550");
            at.exchange("AT+MDNSCFG=\"ip\"", "+MDNSCFG: \"ip\",\"119.29.29.29\",,\"114.114.114.114\"", "OK");
            at.exchange("AT+MDNSGIP=\"iot.example\"", "+CME ERROR: 581");
            at.exchange("AT+MIPSEND=0,1," + "A".repeat(1600), "ERROR");
        }
    }
}
