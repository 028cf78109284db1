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
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Raw TCP to a serial device server (ser2net, an NPort in raw mode, socat). No Telnet/RFC 2217 negotiation: the
 * server is expected to be set to the module's line settings already.
 */
public final class TcpLink implements Link {

    private static final Logger log = LoggerFactory.getLogger(TcpLink.class);

    private final String moduleId;
    private final LinkSpec.Tcp spec;
    private final Socket socket = new Socket();
    private volatile InputStream in;
    private volatile OutputStream out;
    private final AtomicBoolean closed = new AtomicBoolean();

    public TcpLink(String moduleId, LinkSpec.Tcp spec) {
        this.moduleId = moduleId;
        this.spec = spec;
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
            return stream.read(buffer, offset, len);
        } catch (SocketException e) {
            if (closed.get()) {
                return -1;
            }
            throw e;
        }
    }

    @Override
    public void write(byte[] buffer, int offset, int len) throws IOException {
        requireOpen(out).write(buffer, offset, len);
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
        return "tcp:" + host + ":" + spec.port();
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
