package io.mipgate.emulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Data held in buffer modes: TCP as a byte stream kept in received segments, UDP as whole datagrams. */
final class ReceiveBuffer {

    private final Deque<byte[]> segments = new ArrayDeque<>();
    private int bytes;

    void add(byte[] data) {
        segments.addLast(data);
        bytes += data.length;
    }

    int bytes() {
        return bytes;
    }

    int count() {
        return segments.size();
    }

    boolean isEmpty() {
        return segments.isEmpty();
    }

    void clear() {
        segments.clear();
        bytes = 0;
    }

    /** Next UDP packet. */
    byte[] takePacket() {
        byte[] packet = segments.pollFirst();
        if (packet != null) {
            bytes -= packet.length;
        }
        return packet;
    }

    /** Up to {@code max} bytes of the stream, as one block. */
    byte[] takeBytes(int max) {
        int n = Math.min(max, bytes);
        byte[] out = new byte[n];
        int filled = 0;
        while (filled < n) {
            byte[] head = segments.pollFirst();
            int take = Math.min(head.length, n - filled);
            System.arraycopy(head, 0, out, filled, take);
            filled += take;
            if (take < head.length) {
                byte[] rest = new byte[head.length - take];
                System.arraycopy(head, take, rest, 0, rest.length);
                segments.addFirst(rest);
            }
        }
        bytes -= n;
        return out;
    }

    /** Up to {@code max} bytes of the stream, one block per received segment (FIELD §8.2). */
    List<byte[]> takeSegments(int max) {
        List<byte[]> out = new ArrayList<>();
        int left = max;
        while (left > 0 && !segments.isEmpty()) {
            byte[] block = takeBytes(Math.min(left, segments.peekFirst().length));
            out.add(block);
            left -= block.length;
        }
        return out;
    }
}
