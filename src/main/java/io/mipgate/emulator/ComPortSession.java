package io.mipgate.emulator;

import io.mipgate.transport.TelnetComPort;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One host on an RFC 2217 serial server, from the server's side: the host's bytes arrive Telnet-escaped, the
 * module's leave escaped, and SET-BAUDRATE changes the rate of the server's port, which is the rate the module's UART
 * is compared with. A rate of 0 in the request only asks for the current one (RFC 2217).
 */
final class ComPortSession {

    private static final Logger log = LoggerFactory.getLogger(ComPortSession.class);

    private final OutputStream socketOut;
    private final TelnetComPort.Options options;
    private final TelnetComPort.Decoder decoder;
    private volatile int rate;

    ComPortSession(OutputStream socketOut, int initialRate) {
        this.socketOut = socketOut;
        this.rate = initialRate;
        this.options = new TelnetComPort.Options(Set.of(TelnetComPort.BINARY),
                Set.of(TelnetComPort.BINARY, TelnetComPort.COM_PORT_OPTION), this::sendQuietly);
        this.decoder = new TelnetComPort.Decoder(new TelnetComPort.Commands() {
            @Override
            public void negotiation(int verb, int option) {
                options.received(verb, option);
            }

            @Override
            public void subnegotiation(int option, byte[] payload) {
                setBaudrate(option, payload);
            }
        });
    }

    /** The rate the server's port runs at: what the module's UART must match. */
    int rate() {
        return rate;
    }

    private void setBaudrate(int option, byte[] payload) {
        if (option != TelnetComPort.COM_PORT_OPTION || payload.length == 0
                || (payload[0] & 0xFF) != TelnetComPort.SET_BAUDRATE) {
            return; // other COM port commands (data size, parity, …) keep their values: 8N1 here
        }
        int requested = TelnetComPort.baudrate(payload);
        if (requested > 0) {
            rate = requested;
            log.info("serial server port now at {} baud (RFC 2217)", requested);
        }
        sendQuietly(TelnetComPort.setBaudrate(TelnetComPort.SET_BAUDRATE + TelnetComPort.SERVER_OFFSET, rate));
    }

    /** The host's bytes with the Telnet layer taken off. */
    InputStream input(InputStream socketIn) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                while (true) {
                    int n = socketIn.read(buffer, offset, length);
                    if (n <= 0) {
                        return n;
                    }
                    int data = decoder.decode(buffer, offset, n);
                    if (data > 0) {
                        return data;
                    }
                }
            }

            @Override
            public void close() throws IOException {
                socketIn.close();
            }
        };
    }

    /** The module's bytes, escaped for Telnet. */
    OutputStream output() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                send(TelnetComPort.escape(bytes, offset, length));
            }

            @Override
            public void flush() throws IOException {
                socketOut.flush();
            }

            @Override
            public void close() throws IOException {
                socketOut.close();
            }
        };
    }

    private void send(byte[] bytes) throws IOException {
        synchronized (socketOut) {
            socketOut.write(bytes);
            socketOut.flush();
        }
    }

    private void sendQuietly(byte[] bytes) {
        try {
            send(bytes);
        } catch (IOException e) {
            log.debug("Telnet answer not sent: {}", e.toString());
        }
    }
}
