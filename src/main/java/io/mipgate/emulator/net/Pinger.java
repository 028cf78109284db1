package io.mipgate.emulator.net;

import java.net.InetAddress;
import java.time.Duration;

/** One way of sending an echo and timing its reply. Implementations are thread-safe and never block past timeout. */
public interface Pinger {

    PingMethod method();

    PingResult ping(InetAddress target, Duration timeout, int packetLen);
}
