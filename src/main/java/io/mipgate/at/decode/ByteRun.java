package io.mipgate.at.decode;

import java.util.Arrays;

/** A reusable, growable run of bytes: the decoder's line buffer and its transparent-data collector. */
final class ByteRun {

    private byte[] bytes;
    private int length;

    ByteRun(int initialCapacity) {
        bytes = new byte[initialCapacity];
    }

    byte[] array() {
        return bytes;
    }

    int length() {
        return length;
    }

    boolean isEmpty() {
        return length == 0;
    }

    void clear() {
        length = 0;
    }

    void add(byte b) {
        ensure(length + 1);
        bytes[length++] = b;
    }

    void add(byte[] source, int from, int to) {
        int n = to - from;
        if (n <= 0) {
            return;
        }
        ensure(length + n);
        System.arraycopy(source, from, bytes, length, n);
        length += n;
    }

    byte[] toArray() {
        return Arrays.copyOf(bytes, length);
    }

    private void ensure(int capacity) {
        if (capacity > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(capacity, bytes.length * 2));
        }
    }
}
