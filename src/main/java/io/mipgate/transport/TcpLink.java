package io.mipgate.transport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * TCP to a serial device server (ser2net, an NPort, socat). Raw by default: the server is expected to be set to the
 * module's line settings already. With {@code rfc2217} the stream is Telnet ({@link TelnetComPort}): data bytes
 * {@code 0xFF} are doubled both ways, and on open the link sets the server's line rate to the spec's {@code baud},
 * which is how a gateway reaches a module whose rate it has to find or change.
 */
public final class TcpLink implements Link {

    private static final Logger log = LoggerFactory.getLogger(TcpLink.class);

    private final String moduleId;
    private final LinkSpec.Tcp spec;
    private final Socket socket = new Socket();
    private volatile InputStream in;
    private volatile OutputStream out;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Object writeLock = new Object();
    private final TelnetComPort.Decoder telnet;
    private final TelnetComPort.Options options;

    public TcpLink(String moduleId, LinkSpec.Tcp spec) {
        this.moduleId = moduleId;
        this.spec = spec;
        this.options = spec.rfc2217() ? new TelnetComPort.Options(
                Set.of(TelnetComPort.BINARY, TelnetComPort.COM_PORT_OPTION), Set.of(TelnetComPort.BINARY),
                this::sendCommand) : null;
        this.telnet = spec.rfc2217() ? new TelnetComPort.Decoder(new TelnetComPort.Commands() {
            @Override
            public void negotiation(int verb, int option) {
                options.received(verb, option);
            }

            @Override
            public void subnegotiation(int option, byte[] payload) {
                if (option == TelnetComPort.COM_PORT_OPTION && payload.length > 0 && (payload[0] & 0xFF)
                        == TelnetComPort.SET_BAUDRATE + TelnetComPort.SERVER_OFFSET) {
                    log.debug("module {}: serial server {} runs at {} baud", moduleId, describe(),
                            TelnetComPort.baudrate(payload));
                }
            }
        }) : null;
    }

    @Override
    public synchronized void open() throws IOException {
        if (closed.get()) {
            throw new IllegalStateException(describe() + " is closed; create a new link");
        }
        if (in != null) {
            return;
        }
        // AT traffic is many tiny writes each waiting for an answer: Nagle would add a delayed-ACK stall to each.
        socket.setTcpNoDelay(true);
        socket.setKeepAlive(true);
        InetSocketAddress address = new InetSocketAddress(spec.host(), spec.port());
        if (address.isUnresolved()) {
            throw new UnknownHostException("module " + moduleId + ": cannot resolve serial server host '"
                    + spec.host() + "'");
        }
        try {
            socket.connect(address, Math.toIntExact(spec.connectTimeout().toMillis()));
        } catch (IOException e) {
            socket.close();
            if (closed.get()) {
                throw new IOException(describe() + " closed while connecting", e);
            }
            throw new IOException("module " + moduleId + ": cannot connect to serial server " + describe() + ": "
                    + e.getMessage(), e);
        }
        in = socket.getInputStream();
        out = socket.getOutputStream();
        if (options != null) {
            options.offer(TelnetComPort.BINARY);
            options.ask(TelnetComPort.BINARY);
            options.offer(TelnetComPort.COM_PORT_OPTION);
            writeRaw(TelnetComPort.setBaudrate(TelnetComPort.SET_BAUDRATE, spec.baud()));
        }
        log.info("module {}: link {} open", moduleId, describe());
    }

    /** Another thread's {@link #close()} closes the socket, which makes a blocked read fail; we report that as -1. */
    @Override
    public int read(byte[] buffer, int offset, int len) throws IOException {
        if (closed.get()) {
            return -1;
        }
        InputStream stream = requireOpen(in);
        try {
            while (true) {
                int n = stream.read(buffer, offset, len);
                if (n <= 0 || telnet == null) {
                    return n;
                }
                int data = telnet.decode(buffer, offset, n);
                if (data > 0) {
                    return data; // a chunk of nothing but Telnet commands is no answer to a blocking read
                }
            }
        } catch (SocketException e) {
            if (closed.get()) {
                return -1;
            }
            throw e;
        }
    }

    @Override
    public void write(byte[] buffer, int offset, int len) throws IOException {
        if (telnet == null) {
            requireOpen(out).write(buffer, offset, len);
        } else {
            writeRaw(TelnetComPort.escape(buffer, offset, len));
        }
    }

    private void writeRaw(byte[] bytes) throws IOException {
        synchronized (writeLock) {
            requireOpen(out).write(bytes);
        }
    }

    /** A negotiation answer from the reader thread; a failed write shows up as the next read's failure. */
    private void sendCommand(byte[] command) {
        try {
            writeRaw(command);
        } catch (IOException e) {
            log.debug("module {}: Telnet negotiation to {} not sent: {}", moduleId, describe(), e.toString());
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("module {}: closing {}: {}", moduleId, describe(), e.toString());
        }
        log.info("module {}: link {} closed", moduleId, describe());
    }

    @Override
    public String describe() {
        String host = spec.host().indexOf(':') >= 0 ? "[" + spec.host() + "]" : spec.host();
        return "tcp:" + host + ":" + spec.port() + (spec.rfc2217() ? "@" + spec.baud() : "");
    }

    @Override
    public String toString() {
        return describe();
    }

    private <T> T requireOpen(T stream) throws IOException {
        if (closed.get()) {
            throw new IOException(describe() + " is closed");
        }
        if (stream == null) {
            throw new IOException(describe() + " is not open");
        }
        return stream;
    }
}
