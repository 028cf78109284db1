package io.mipgate.emulator;

import io.mipgate.domain.RecvFormat;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The payload encodings: HEX both ways, and the escaped send format 2. Our escape syntax (the manual is silent, the
 * driver encodes the same): {@code \\ \" \r \n \t \0 \xHH}; any other backslash pair is an error.
 */
final class DataFormat {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private DataFormat() {
    }

    /** {@code prefix} followed by the data raw or as HEX, as one unframed line. */
    static byte[] withData(String prefix, byte[] data, RecvFormat format) {
        byte[] head = prefix.getBytes(StandardCharsets.ISO_8859_1);
        byte[] body = format == RecvFormat.HEX ? hex(data) : data;
        byte[] out = new byte[head.length + body.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(body, 0, out, head.length, body.length);
        return out;
    }

    static byte[] hex(byte[] data) {
        byte[] out = new byte[data.length * 2];
        for (int i = 0; i < data.length; i++) {
            out[2 * i] = HEX[(data[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[data[i] & 0xF];
        }
        return out;
    }

    /** Decodes a HEX string (either case); CME 50 on odd length or a non-hex character. */
    static byte[] unhex(String text) {
        if (text.length() % 2 != 0) {
            throw AtError.badParameters();
        }
        byte[] out = new byte[text.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(text.charAt(2 * i), 16);
            int lo = Character.digit(text.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                throw AtError.badParameters();
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }

    /** Decodes send format 2. */
    static byte[] unescape(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.write(c);
                continue;
            }
            if (++i >= text.length()) {
                throw AtError.badParameters();
            }
            char e = text.charAt(i);
            switch (e) {
                case '\\' -> out.write('\\');
                case '"' -> out.write('"');
                case 'r' -> out.write('\r');
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case '0' -> out.write(0);
                case 'x' -> {
                    if (i + 2 >= text.length()) {
                        throw AtError.badParameters();
                    }
                    out.write(unhex(text.substring(i + 1, i + 3))[0]);
                    i += 2;
                }
                default -> throw AtError.badParameters();
            }
        }
        return out.toByteArray();
    }
}
