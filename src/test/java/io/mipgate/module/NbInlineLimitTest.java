package io.mipgate.module;

import static org.assertj.core.api.Assertions.assertThat;

import io.mipgate.domain.Protocol;
import io.mipgate.emulator.net.TcpEchoServer;
import io.mipgate.module.event.ModuleEvent;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * NB-IoT has inline sends only (fn 20), and field firmware refuses a command line longer than ~1.5 KB (FIELD-NOTES
 * §7.1): the gateway splits a TCP send of the manual's full 1460 bytes into lines the module takes, and nothing it
 * sends is refused. (A UDP datagram cannot be split: one that does not fit is refused with 400 before any byte.)
 */
class NbInlineLimitTest {

    @Test
    void aFullSizeSendOnAnNbModuleGoesOutInLinesTheFieldFirmwareAccepts() throws Exception {
        try (TcpEchoServer echo = TcpEchoServer.start(); Gateway gateway = new Gateway()) {
            ModuleClient nb = gateway.emulated("n", "MN316?firmware=field");
            gateway.start();
            nb.open(new OpenRequest(Protocol.TCP, "127.0.0.1", echo.port(), 1, null, null, null))
                    .get(15, TimeUnit.SECONDS);
            byte[] payload = Payloads.binary(1460, 41);

            SendResult sent = nb.send(1, payload, SendOptions.DEFAULT).get(30, TimeUnit.SECONDS);

            assertThat(sent.accepted()).isEqualTo(payload.length);
            assertThat(sent.chunks()).isGreaterThan(1);
            assertThat(gateway.events(ModuleEvent.JobFinished.class)).filteredOn(job -> job.command().equals("AT+MIPSEND"))
                    .allSatisfy(job -> assertThat(job.cmeCode()).isNull());
            assertThat(Payloads.readExactly(nb, 1, payload.length, Duration.ofSeconds(30))).isEqualTo(payload);
        }
    }
}
