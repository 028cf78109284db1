package io.mipgate.transport;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A local serial device through jSerialComm. A thin adapter: line settings from the {@link LinkSpec.Serial}, reads
 * and writes passed straight through.
 *
 * <p>Reads use jSerialComm's semi-blocking mode: the kernel blocks the reader (VMIN=0/VTIME) until a byte arrives
 * or {@link #READ_TIMEOUT_MS} passes, so an idle port costs a handful of wake-ups a second and no CPU spin. The
 * bound matters for shutdown: jSerialComm's close does wake a blocked reader on Linux, but if a driver does not,
 * the reader still notices {@link #close()} within one timeout.
 */
public final class SerialLink implements Link {

    static final int READ_TIMEOUT_MS = 200;

    private static final Logger log = LoggerFactory.getLogger(SerialLink.class);
    // errno values (Linux and the BSDs agree) meaning the device itself went away, not that the call was wrong.
    private static final int EIO = 5;
    private static final int ENXIO = 6;
    private static final int ENODEV = 19;

    private final String moduleId;
    private final LinkSpec.Serial spec;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile SerialPort port;

    public SerialLink(String moduleId, LinkSpec.Serial spec) {
        this.moduleId = moduleId;
        this.spec = spec;
    }

    @Override
    public synchronized void open() throws IOException {
        if (closed.get()) {
            throw new IllegalStateException(describe() + " is closed; create a new link");
        }
        if (port != null) {
            return;
        }
        // Checked here rather than at parse time: a USB module's tty disappears while it reboots and comes back.
        if (!Files.exists(Path.of(spec.device()))) {
            throw new NoSuchFileException(spec.device(), null, "module " + moduleId
                    + ": serial device does not exist (module unplugged or still enumerating, or wrong path in"
                    + " its link setting?)");
        }
        SerialPort candidate;
        try {
            candidate = SerialPort.getCommPort(spec.device());
        } catch (SerialPortInvalidPortException e) {
            throw new IOException("module " + moduleId + ": '" + spec.device() + "' is not a usable serial port: "
                    + e.getMessage(), e);
        }
        candidate.setComPortParameters(spec.baud(), spec.dataBits(), stopBits(spec.stopBits()), parity(spec.parity()));
        candidate.setFlowControl(spec.flowControl() == FlowControl.RTS_CTS
                ? SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED
                : SerialPort.FLOW_CONTROL_DISABLED);
        candidate.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, READ_TIMEOUT_MS, 0);
        if (!candidate.openPort()) {
            throw new IOException("module " + moduleId + ": cannot open serial device " + spec.device() + ": "
                    + explain(candidate.getLastErrorCode()) + " (errno " + candidate.getLastErrorCode()
                    + " at jSerialComm native line " + candidate.getLastErrorLocation() + ")");
        }
        port = candidate;
        if (closed.get()) { // close() ran while we were opening and saw no port to close
            candidate.closePort();
            throw new IOException(describe() + " was closed while opening");
        }
        log.info("module {}: link {} open ({})", moduleId, describe(), spec);
    }

    @Override
    public int read(byte[] buffer, int offset, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(offset, len, buffer.length);
        SerialPort current = requireOpen();
        if (current == null) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        while (true) {
            int n = current.readBytes(buffer, len, offset);
            if (n > 0) {
                return n;
            }
            if (closed.get()) {
                return -1;
            }
            if (n < 0) {
                int errno = current.getLastErrorCode();
                if (errno == EIO || errno == ENXIO || errno == ENODEV) {
                    log.warn("module {}: {} went away (errno {})", moduleId, describe(), errno);
                    return -1;
                }
                throw new IOException("module " + moduleId + ": read from " + describe() + " failed (errno "
                        + errno + ")");
            }
            // Nothing within the timeout. A hung-up tty (USB unplug, pty master gone) also reads 0 bytes, but at
            // once and forever; it is told apart by FIONREAD failing, so this loop cannot spin on a dead device.
            if (current.bytesAvailable() < 0) {
                log.warn("module {}: {} hung up", moduleId, describe());
                return -1;
            }
        }
    }

    @Override
    public void write(byte[] buffer, int offset, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(offset, len, buffer.length);
        SerialPort current = requireOpen();
        if (current == null) {
            throw new IOException(describe() + " is closed");
        }
        while (len > 0) {
            int n = current.writeBytes(buffer, len, offset);
            if (n <= 0) {
                throw new IOException(closed.get() ? describe() + " is closed" : "module " + moduleId
                        + ": write to " + describe() + " failed (errno " + current.getLastErrorCode() + ")");
            }
            offset += n;
            len -= n;
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        SerialPort current = port;
        if (current != null) {
            current.closePort();
            log.info("module {}: link {} closed", moduleId, describe());
        }
    }

    @Override
    public String describe() {
        return "serial:" + spec.device() + "@" + spec.baud();
    }

    @Override
    public String toString() {
        return describe();
    }

    /** @return the open port, or null if the link has been closed */
    private SerialPort requireOpen() throws IOException {
        if (closed.get()) {
            return null;
        }
        SerialPort current = port;
        if (current == null) {
            throw new IOException(describe() + " is not open");
        }
        return current;
    }

    private static int stopBits(StopBits stopBits) {
        return switch (stopBits) {
            case ONE -> SerialPort.ONE_STOP_BIT;
            case ONE_POINT_FIVE -> SerialPort.ONE_POINT_FIVE_STOP_BITS;
            case TWO -> SerialPort.TWO_STOP_BITS;
        };
    }

    private static int parity(Parity parity) {
        return switch (parity) {
            case NONE -> SerialPort.NO_PARITY;
            case EVEN -> SerialPort.EVEN_PARITY;
            case ODD -> SerialPort.ODD_PARITY;
            case MARK -> SerialPort.MARK_PARITY;
            case SPACE -> SerialPort.SPACE_PARITY;
        };
    }

    private static String explain(int errno) {
        return switch (errno) {
            case 2 -> "no such device";
            case 13 -> "permission denied (is the gateway user in the dialout group?)";
            case 16 -> "device busy (opened by another process, e.g. ModemManager?)";
            case EIO, ENXIO, ENODEV -> "device not present";
            default -> "open failed";
        };
    }
}
