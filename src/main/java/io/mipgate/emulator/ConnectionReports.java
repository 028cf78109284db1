package io.mipgate.emulator;

import io.mipgate.domain.RecvFormat;
import io.mipgate.emulator.model.Dialect;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.util.List;

/**
 * How the module words what becomes of its connections and lookups, in its model's {@link Dialect}: the manual's
 * V5.0.0 lines, or the older ML302 / ML305 ones (FIELD-NOTES §14). The commands decide what happens; this says how it
 * reads on the wire.
 */
final class ConnectionReports {

    /** RT-Thread's class/ml305 names 3 "network error" and 8 "DNS common error"; a name that does not resolve is 8. */
    static final int LEGACY_DNS_FAILED = 8;
    static final int LEGACY_DNS_NETWORK_ERROR = 3;
    /** The legacy {@code "STATE"} knows 1 (closed by the server) and 2 (connection exception), no PDP loss. */
    private static final int LEGACY_CONNECTION_EXCEPTION = 2;

    private final Dialect dialect;

    ConnectionReports(Dialect dialect) {
        this.dialect = dialect;
    }

    boolean legacy() {
        return dialect == Dialect.ML30X_LEGACY;
    }

    /** The URC that ends a successful open in normal or buffer mode. */
    String opened(int id) {
        return legacy() ? id + ",CONNECT OK" : "+MIPOPEN: " + id + ",0";
    }

    /** The URC of a failed open; {@code result} is what the manual's dialect reports (a 55x code, or NB's 1). */
    String openFailed(int id, int result) {
        return legacy() ? id + ",CONNECT FAIL" : "+MIPOPEN: " + id + "," + result;
    }

    /** The answer once AT+MIPSEND's bytes went out: the count and OK, or the legacy {@code SEND OK} alone. */
    Reply sent(int id, int bytes) {
        return legacy() ? Reply.none().line(id + ",SEND OK") : Reply.ok().line("+MIPSEND: " + id + "," + bytes);
    }

    /** Prompted bytes arrived for a connection that is gone meanwhile. */
    Reply sendFailed(int id, AtError manualError) {
        return legacy() ? Reply.none().line(id + ",SEND FAIL") : Reply.error(manualError);
    }

    /** Received bytes in normal mode, framed as the URC that carries them. */
    byte[] pushed(int id, String kind, byte[] data, RecvFormat format) {
        if (legacy()) {
            // header, CR LF, exactly <len> raw bytes: the drivers read them straight after the line end
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 32);
            out.writeBytes(ModuleOutput.frame("+MIPURC: \"recv\"," + id + "," + data.length));
            out.writeBytes(data);
            return out.toByteArray();
        }
        String prefix = "+MIPURC: \"" + kind + "\"," + id + "," + data.length + ",";
        return ModuleOutput.frame(DataFormat.withData(prefix, data, format));
    }

    /** The connection is gone: 1 the peer closed, 2 error, 3 PDP deactivated. */
    byte[] disconnected(int id, int state) {
        if (!legacy()) {
            return ModuleOutput.frame("+MIPURC: \"disconn\"," + id + "," + state);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int legacyState = Math.min(state, LEGACY_CONNECTION_EXCEPTION);
        out.writeBytes(ModuleOutput.frame("+MIPURC: \"STATE\"," + id + "," + legacyState));
        out.writeBytes(ModuleOutput.frame(id + ",CLOSED"));
        return out.toByteArray();
    }

    /** The legacy answer of AT+MIPCLOSE, printed once the connection is closed, in place of OK. */
    Reply closed(int id) {
        return Reply.none().line(id + ",CLOSE OK");
    }

    /** The manual's URC: the domain and the addresses, or the bare domain on failure (AT-REFERENCE 2.11). */
    String lookedUp(String domain, List<InetAddress> addresses) {
        StringBuilder line = new StringBuilder("+MDNSGIP: ");
        if (legacy()) {
            if (addresses.isEmpty()) {
                return line.append("1,").append(LEGACY_DNS_FAILED).toString();
            }
            line.append("0,");
        }
        line.append('"').append(domain).append('"');
        for (InetAddress address : addresses) {
            line.append(",\"").append(DnsCommands.format(address)).append('"');
        }
        return line.toString();
    }
}
