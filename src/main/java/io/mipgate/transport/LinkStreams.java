package io.mipgate.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * {@link InputStream}/{@link OutputStream} views of a {@link Link}, for code written against java.io (a scripted
 * responder, {@code readNBytes} in tests). Closing either stream closes the link, as with a socket's streams.
 */
public final class LinkStreams {

    private LinkStreams() {
    }

    public static InputStream inputStream(Link link) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] buffer, int offset, int len) throws IOException {
                return link.read(buffer, offset, len);
            }

            @Override
            public void close() {
                link.close();
            }
        };
    }

    public static OutputStream outputStream(Link link) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                link.write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] buffer, int offset, int len) throws IOException {
                link.write(buffer, offset, len);
            }

            @Override
            public void close() {
                link.close();
            }
        };
    }
}
