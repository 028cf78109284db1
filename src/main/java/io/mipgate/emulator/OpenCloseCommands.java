package io.mipgate.emulator;

import io.mipgate.domain.AccessMode;
import io.mipgate.domain.CloseMode;
import io.mipgate.domain.ModuleErrorCode;
import io.mipgate.domain.Protocol;
import io.mipgate.emulator.model.AllFamilies;
import io.mipgate.emulator.model.ModelFacts;
import io.mipgate.emulator.model.ParamRange;
import io.mipgate.emulator.net.DnsResult;
import io.mipgate.emulator.net.DnsSettings;
import java.io.IOException;
import java.net.ConnectException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/** AT+MIPOPEN (real connect on a worker, result as URC after OK) and AT+MIPCLOSE. */
final class OpenCloseCommands {

    /** Outstanding received bytes allowed in push modes before the socket is no longer read (serial backpressure). */
    static final int PUSH_CREDIT = 65536;
    /** TLS handshake failure as field firmware reports it (FIELD §11); outside the TCP/IP code table. */
    static final int TLS_HANDSHAKE_FAILED = 753;
    private static final ParamRange ACCESS_MODES = ParamRange.of(0, 3);
    private static final ParamRange CLOSE_MODES_LISTED = ParamRange.of(0, 3);

    private final ModuleCore core;
    private final ModelFacts model;

    OpenCloseCommands(ModuleCore core) {
        this.core = core;
        this.model = core.model;
    }

    void register(Map<String, CommandHandler> handlers) {
        handlers.put("+MIPOPEN", this::open);
        handlers.put("+MIPCLOSE", this::close);
    }

    static int creditFor(ConnectionSlot slot, ModelFacts model) {
        return slot.mode == AccessMode.STREAM_BUFFER ? model.receive().tcpWindow() : PUSH_CREDIT;
    }

    // ------------------------------------------------------------------ AT+MIPOPEN

    private Reply open(AtCommand command) {
        if (command.form() == AtCommand.Form.TEST) {
            return Reply.ok().line("+MIPOPEN: " + model.connectIds() + ",,," + AllFamilies.PORT + ","
                    + AllFamilies.OPEN_TIMEOUT + "," + ACCESS_MODES + "," + AllFamilies.PORT);
        }
        if (command.form() != AtCommand.Form.SET) {
            throw AtError.plain();
        }
        List<AtCommand.Param> p = command.params();
        AtCommand.maxParams(p, 7);
        ConnectionSlot slot = core.slot(p, 0);
        if (p.size() < 4 || !p.get(1).quoted()) {
            throw AtError.badParameters();
        }
        Protocol protocol = switch (p.get(1).text()) {
            case "TCP" -> Protocol.TCP;
            case "UDP" -> Protocol.UDP;
            default -> throw AtError.badParameters(); // e.g. "SSL" (FIELD §6)
        };
        String address = AtCommand.string(p, 2);
        if (address.length() > AllFamilies.HOST_MAX_LENGTH) {
            throw AtError.badParameters();
        }
        int port = AtCommand.integer(p, 3, AllFamilies.PORT);
        int timeout = AtCommand.integer(p, 4, AllFamilies.OPEN_TIMEOUT, AllFamilies.OPEN_TIMEOUT_DEFAULT);
        AccessMode mode = AccessMode.ofCode(AtCommand.integer(p, 5, ACCESS_MODES, 0));
        int localPort = AtCommand.integer(p, 6, AllFamilies.PORT, 0);
        if (!mode.allows(protocol) || (mode == AccessMode.TRANSPARENT && !model.transparentMode())) {
            throw AtError.badParameters();
        }
        if (slot.state != SlotState.INITIAL) {
            throw AtError.cme(ModuleErrorCode.TCPIP_ALREADY_IN_USE.code());
        }
        DataCallCommands.requireActive(core);
        core.dataCall.requireFamily(address);
        if (localPort > 0 && localPortHeld(localPort)) {
            throw AtError.cme(ModuleErrorCode.PORT_BUSY.code());
        }
        boolean socketsExhausted = socketsInUse() >= socketLimit();
        slot.state = SlotState.CONNECTING;
        slot.localPort = localPort;
        slot.protocol = protocol;
        slot.address = address;
        slot.remotePort = port;
        slot.mode = mode;
        Object token = new Object();
        slot.openToken = token;
        Duration connectTimeout = Duration.ofSeconds(model.open().timeoutEffective()
                ? timeout : AllFamilies.OPEN_TIMEOUT_DEFAULT);
        DnsSettings dns = core.state().dns.settings(core.config);
        boolean tls = slot.settings.sslEnable == 1;
        return Reply.ok().then(() -> core.background(
                () -> socketsExhausted ? new Opened(null, ModuleErrorCode.SOCKET_CREATE_FAILED.code())
                        : establish(protocol, address, port, localPort, connectTimeout, dns, tls),
                result -> opened(slot, token, result)));
    }

    private record Opened(Object socket, int code) {
    }

    /** Another connection of this module asked for the same local port (AT-REFERENCE §4: 576 "port busy"). */
    private boolean localPortHeld(int localPort) {
        for (ConnectionSlot other : core.state().slots) {
            if (other.state != SlotState.INITIAL && other.localPort == localPort) {
                return true;
            }
        }
        return false;
    }

    private int socketsInUse() {
        int inUse = 0;
        for (ConnectionSlot other : core.state().slots) {
            if (other.state != SlotState.INITIAL) {
                inUse++;
            }
        }
        return inUse;
    }

    private int socketLimit() {
        int limit = core.faults.socketLimit();
        return limit > 0 ? limit : core.state().slots.length;
    }

    private Opened establish(Protocol protocol, String host, int port, int localPort, Duration timeout,
                             DnsSettings dns, boolean tls) {
        sleep(core.config.openDelay());
        InetAddress address;
        if (core.network.resolve(host, dns) instanceof DnsResult.Resolved resolved) {
            address = resolved.first();
        } else {
            return new Opened(null, ModuleErrorCode.DNS_FAILED_OR_BAD_IP_FORMAT.code());
        }
        if (protocol == Protocol.UDP) {
            try {
                return new Opened(new UdpConnection.Endpoint(new DatagramSocket(localPort),
                        new InetSocketAddress(address, port)), 0);
            } catch (IOException e) {
                return new Opened(null, ModuleErrorCode.SOCKET_BIND_FAILED.code());
            }
        }
        Socket socket = new Socket();
        try {
            if (localPort > 0) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(localPort));
            }
        } catch (IOException e) {
            closeQuietly(socket);
            return new Opened(null, ModuleErrorCode.SOCKET_BIND_FAILED.code());
        }
        try {
            socket.connect(new InetSocketAddress(address, port), (int) timeout.toMillis());
        } catch (ConnectException e) {
            closeQuietly(socket);
            return new Opened(null, ModuleErrorCode.SOCKET_CONNECTION_REFUSED.code());
        } catch (SocketTimeoutException e) {
            closeQuietly(socket);
            return new Opened(null, ModuleErrorCode.SOCKET_CONNECT_TIMEOUT.code());
        } catch (IOException e) {
            closeQuietly(socket);
            return new Opened(null, ModuleErrorCode.SOCKET_CONNECT_FAILED.code());
        }
        if (!tls) {
            return new Opened(socket, 0);
        }
        try {
            SSLSocket secure = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                    .createSocket(socket, host, port, true);
            secure.startHandshake();
            return new Opened(secure, 0);
        } catch (IOException e) {
            closeQuietly(socket);
            return new Opened(null, TLS_HANDSHAKE_FAILED);
        }
    }

    private void opened(ConnectionSlot slot, Object token, Opened result) {
        if (slot.openToken != token) {
            closeQuietly(result.socket());
            return;
        }
        slot.openToken = null;
        if (result.socket() == null) {
            slot.release();
            int code = model.open().failureAsErrorCode() ? result.code() : 1;
            core.out.urc(core.reports.openFailed(slot.id, code));
            return;
        }
        Connection connection = result.socket() instanceof Socket tcp
                ? new TcpConnection(tcp, core.inbound, creditFor(slot, model))
                : new UdpConnection((UdpConnection.Endpoint) result.socket(), core.inbound);
        slot.connection = connection;
        slot.state = SlotState.CONNECTED;
        connection.applyKeepAlive(slot.settings);
        if (slot.mode == AccessMode.TRANSPARENT) {
            core.out.line("CONNECT");
            core.enterTransparent(slot);
        } else {
            core.out.urc(core.reports.opened(slot.id));
        }
        connection.start();
    }

    // ------------------------------------------------------------------ AT+MIPCLOSE

    private Reply close(AtCommand command) {
        ParamRange modes = model.close().configurableModes().orElse(CLOSE_MODES_LISTED);
        if (command.form() == AtCommand.Form.TEST) {
            return Reply.ok().line("+MIPCLOSE: " + model.connectIds() + "," + modes);
        }
        if (command.form() != AtCommand.Form.SET) {
            throw AtError.plain();
        }
        List<AtCommand.Param> p = command.params();
        AtCommand.maxParams(p, 2);
        ConnectionSlot slot = core.slot(p, 0);
        boolean modeGiven = AtCommand.present(p, 1);
        int requested = AtCommand.integer(p, 1, modes, 0);
        boolean configurable = model.close().configurableModes().isPresent();
        CloseMode mode = configurable ? CloseMode.ofCode(requested) : model.close().effectiveMode();
        // <ret_code> only where <mode> is configurable and applied, not for mode 1 (AT-REFERENCE §6 item 9)
        boolean retCode = configurable && modeGiven && mode != CloseMode.IMMEDIATE;
        String urc = "+MIPCLOSE: " + slot.id;
        // the manual: OK at once, +MIPCLOSE: once closed; the legacy firmware: only <id>,CLOSE OK, once closed
        // (FIELD-NOTES §14)
        boolean legacy = core.reports.legacy();
        IntConsumer announceClosed = outcome -> {
            if (legacy) {
                core.answer(core.reports.closed(slot.id));
            } else {
                closeUrc(urc + (retCode ? "," + outcome : ""));
            }
        };
        Reply accepted = legacy ? Reply.none() : Reply.ok();
        switch (slot.state) {
            case INITIAL -> throw AtError.cme(ModuleErrorCode.TCPIP_NOT_IN_USE.code());
            case CLOSING -> throw AtError.cme(ModuleErrorCode.TCPIP_UNKNOWN_ERROR.code());
            case CONNECTING, CLOSED -> {
                slot.release();
                return accepted.then(() -> announceClosed.accept(0));
            }
            default -> {
                Connection connection = slot.connection;
                slot.state = SlotState.CLOSING;
                return accepted.then(() -> connection.close(mode, retCode, outcome -> core.post(() -> {
                    if (slot.connection == connection) {
                        slot.release();
                    }
                    announceClosed.accept(outcome);
                })));
            }
        }
    }

    private void closeUrc(String urc) {
        Duration late = core.faults.takeCloseUrcDelay();
        if (late.isZero()) {
            core.out.urc(urc);
        } else {
            core.schedule(late, () -> core.out.urc(urc));
        }
    }

    private static void sleep(Duration d) {
        if (!d.isZero()) {
            try {
                Thread.sleep(d);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void closeQuietly(Object socket) {
        try {
            if (socket instanceof AutoCloseable closeable) {
                closeable.close();
            }
        } catch (Exception ignored) {
            // already failed
        }
    }
}
