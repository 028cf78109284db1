package io.mipgate.module;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Random;

/** Binary fixtures and a reader that drains a connection until it has what was sent. */
final class Payloads {

    private Payloads() {
    }

    /** All 256 byte values, repeated, then seeded noise: CR, LF, quotes, NUL and 0x80+ all appear. */
    static byte[] binary(int size, long seed) {
        byte[] data = new byte[size];
        Random random = new Random(seed);
        for (int i = 0; i < size; i++) {
            data[i] = i < 512 ? (byte) i : (byte) random.nextInt(256);
        }
        return data;
    }

    static byte[] readExactly(ModuleClient module, int connectId, int expected, Duration within) {
        ByteArrayOutputStream received = new ByteArrayOutputStream(expected);
        await().atMost(within).pollInterval(Duration.ofMillis(5)).until(() -> {
            received.write(module.read(connectId, 64 * 1024));
            return received.size() >= expected;
        });
        return received.toByteArray();
    }
}
