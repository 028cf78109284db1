package io.mipgate.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The Telnet layer of RFC 2217 links: any data (0xFF included) escaped and decoded in chunks of any size comes back
 * byte-exact, and negotiations and SET-BAUDRATE in the middle of it are taken out and reported, not delivered.
 */
class TelnetComPortProperties {

    @Property(tries = 300)
    void dataSurvivesEscapingAndAnyChunking(@ForAll @Size(max = 300) byte[] data,
                                            @ForAll @IntRange(min = 1, max = 17) int chunk,
                                            @ForAll @IntRange(min = 0, max = 1_000_000) int rate) {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        int half = data.length / 2;
        wire.writeBytes(TelnetComPort.escape(data, 0, half));
        wire.writeBytes(TelnetComPort.negotiation(TelnetComPort.WILL, TelnetComPort.COM_PORT_OPTION));
        wire.writeBytes(TelnetComPort.setBaudrate(TelnetComPort.SET_BAUDRATE, rate));
        wire.writeBytes(TelnetComPort.escape(data, half, data.length - half));

        List<String> commands = new ArrayList<>();
        TelnetComPort.Decoder decoder = new TelnetComPort.Decoder(new TelnetComPort.Commands() {
            @Override
            public void negotiation(int verb, int option) {
                commands.add(verb + " " + option);
            }

            @Override
            public void subnegotiation(int option, byte[] payload) {
                commands.add("SB " + option + " " + payload[0] + " " + TelnetComPort.baudrate(payload));
            }
        });
        byte[] bytes = wire.toByteArray();
        ByteArrayOutputStream decoded = new ByteArrayOutputStream();
        for (int offset = 0; offset < bytes.length; offset += chunk) {
            byte[] piece = java.util.Arrays.copyOfRange(bytes, offset, Math.min(bytes.length, offset + chunk));
            int n = decoder.decode(piece, 0, piece.length);
            decoded.write(piece, 0, n);
        }

        assertThat(decoded.toByteArray()).isEqualTo(data);
        assertThat(commands).containsExactly(TelnetComPort.WILL + " " + TelnetComPort.COM_PORT_OPTION,
                "SB " + TelnetComPort.COM_PORT_OPTION + " " + TelnetComPort.SET_BAUDRATE + " " + rate);
    }

    @Test
    void negotiationAnswersOnlyWhatChangesState() {
        List<String> sent = new ArrayList<>();
        TelnetComPort.Options options = new TelnetComPort.Options(java.util.Set.of(TelnetComPort.BINARY),
                java.util.Set.of(TelnetComPort.COM_PORT_OPTION), bytes -> sent.add((bytes[1] & 0xFF) + " " + bytes[2]));

        options.offer(TelnetComPort.BINARY);
        options.received(TelnetComPort.DO, TelnetComPort.BINARY);      // the answer to our offer: silence
        options.received(TelnetComPort.WILL, TelnetComPort.COM_PORT_OPTION);
        options.received(TelnetComPort.WILL, TelnetComPort.COM_PORT_OPTION); // again: already agreed
        options.received(TelnetComPort.DO, 3);                          // suppress-go-ahead: refused

        assertThat(sent).containsExactly(TelnetComPort.WILL + " " + TelnetComPort.BINARY,
                TelnetComPort.DO + " " + TelnetComPort.COM_PORT_OPTION, TelnetComPort.WONT + " 3");
    }
}
