package io.mipgate.emulator;

import io.mipgate.emulator.model.EmulatedFamily;
import io.mipgate.emulator.net.UdpEchoServer;
import org.junit.jupiter.api.Test;

/** Field firmware refuses a command line beyond ~1.5 KB (FIELD-NOTES §7.1), on NB-IoT's inline-only sends too. */
class NbLineLimitTest {

    @Test
    void anOverlongInlineSendIsRefusedAndALineWithinTheLimitIsSent() throws Exception {
        try (UdpEchoServer echo = UdpEchoServer.start();
             EmulatorHarness at = EmulatorHarness.attach(EmulatorHarness.fast(EmulatedFamily.MN316)
                     .firmware(FirmwareProfile.FIELD).build())) {
            at.send("AT\r");
            at.expectBytes("\r\n+MATREADY\r\n\r\n+CPIN: READY\r\nAT\r\r\nOK\r\n");
            at.exchange("ATE0", "OK");
            at.echo(false);
            at.exchange("AT+MIPOPEN=0,\"UDP\",\"127.0.0.1\"," + echo.port(), "OK", "+MIPOPEN: 0,0");
            at.exchange("AT+MIPCFG=\"encoding\",0,1,1", "OK");
            at.exchange("AT+MIPSEND=0,800," + "41".repeat(800), "ERROR"); // 1615 characters
            at.exchange("AT+MIPSEND=0,730," + "41".repeat(730), "+MIPSEND: 0,730", "OK"); // 1475 characters
        }
    }
}
