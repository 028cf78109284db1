package io.mipgate.bench;

import java.io.IOException;
import java.util.HexFormat;

/**
 * The strategy common open-source drivers use, as the goodput baseline: HEX in both directions
 * ({@code AT+MIPCFG="encoding",<id>,1,1}), every payload inline in {@code AT+MIPSEND=<id>,<len>,"<hex>"} (split to fit
 * the command line), received data taken from line-parsed {@code +MIPURC: "rtcp"} URCs. It runs on its own virtual
 * module with the same line rate as the gateway's, in this process, with no gateway.
 */
final class HexBaseline implements AutoCloseable {

    /** Bytes per inline send: the manual's {@code <send_length>} maximum (1460), which a HEX line also fits. */
    static final int HEX_CHUNK = 1460;

    private final RawLine line;
    private long received;

    HexBaseline(int baud) throws Exception {
        line = new RawLine(baud);
    }

    void open(int id, String protocol, int port) throws IOException {
        line.command("AT+MIPCFG=\"encoding\"," + id + ",1,1", "OK\r\n");
        line.command("AT+MIPOPEN=" + id + ",\"" + protocol + "\",\"127.0.0.1\"," + port, "+MIPOPEN: " + id + ",0");
    }

    /** Sends one message (a TCP message may take several commands; a UDP datagram is always one). */
    void send(int id, byte[] message) throws IOException {
        for (int offset = 0; offset < message.length; offset += HEX_CHUNK) {
            int n = Math.min(HEX_CHUNK, message.length - offset);
            line.write("AT+MIPSEND=" + id + "," + n + ",\"" + HexFormat.of().formatHex(message, offset, offset + n)
                    + "\"\r");
            awaitFinal();
        }
    }

    void close(int id) throws IOException {
        line.write("AT+MIPCLOSE=" + id + "\r");
        String text;
        do {
            text = line.nextLine();
            account(text);
        } while (!text.startsWith("+MIPCLOSE: " + id));
    }

    /** Reads lines until the final result, counting data URCs that arrive in between. */
    private void awaitFinal() throws IOException {
        while (true) {
            String text = line.nextLine();
            if (text.equals("OK")) {
                return;
            }
            if (text.contains("ERROR")) {
                throw new IOException("module answered " + text);
            }
            account(text);
        }
    }

    private void account(String text) {
        if (text.startsWith("+MIPURC: \"rtcp\"") || text.startsWith("+MIPURC: \"rudp\"")) {
            String[] f = text.split(",", 4);
            byte[] data = HexFormat.of().parseHex(f[3]);
            received += data.length;
        }
    }

    /** Reads URC lines until {@code total} data bytes have arrived since the last reset. */
    void awaitReceived(long total) throws IOException {
        while (received < total) {
            account(line.nextLine());
        }
    }

    void resetReceived() {
        received = 0;
    }

    @Override
    public void close() {
        line.close();
    }
}
