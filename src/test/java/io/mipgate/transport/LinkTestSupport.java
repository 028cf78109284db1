package io.mipgate.transport;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;

/** Small helpers shared by the link tests. */
public final class LinkTestSupport {

    private LinkTestSupport() {
    }

    /** Reads exactly {@code n} bytes, however the link fragments them. */
    public static byte[] readExactly(Link link, int n) throws IOException {
        byte[] buffer = new byte[n];
        int filled = 0;
        while (filled < n) {
            int r = link.read(buffer, filled, n - filled);
            if (r < 0) {
                throw new EOFException("end of stream after " + filled + " of " + n + " bytes");
            }
            filled += r;
        }
        return buffer;
    }

    public static byte[] readExactly(InputStream in, int n) throws IOException {
        byte[] bytes = in.readNBytes(n);
        if (bytes.length < n) {
            throw new EOFException("end of stream after " + bytes.length + " of " + n + " bytes");
        }
        return bytes;
    }

    /** Every byte value, repeated to {@code size}: CR, LF, NUL, DEL, XON and XOFF all included. */
    public static byte[] allByteValues(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    public static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    public static String escape(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            int v = b & 0xFF;
            switch (v) {
                case '\r' -> text.append("\\r");
                case '\n' -> text.append("\\n");
                default -> text.append(v >= 0x20 && v < 0x7F ? String.valueOf((char) v) : String.format("\\x%02x", v));
            }
        }
        return text.toString();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
