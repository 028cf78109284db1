package io.mipgate.bench;

import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Figure 5: a peer pours bytes as fast as loopback takes them into a normal-mode connection (the module has no flow
 * control there, FIELD-NOTES §8.1) and into a stream-buffer connection (the module's buffer and TCP window hold the
 * peer back), once with a reader taking data through the API all along and once with the reader away until the peer
 * is done. Every byte the peer wrote must be delivered or counted as dropped: delivered + dropped = sent, else bytes
 * were lost silently. The burst is larger than the gateway's 256 KiB receive buffer so that overflow shows.
 */
final class BurstSuite {

    private static final String MODULE = "burst";
    private static final int BAUD = 921600;

    private BurstSuite() {
    }

    static List<Figure> run(boolean quick) throws Exception {
        long burst = quick ? 512 * 1024 : 4 * 1024 * 1024;
        List<Figure> figures = new ArrayList<>();
        try (Peer peer = new Peer();
             Gateway gateway = Gateway.start("burst", Gateway.containerFlags(),
                     List.<String[]>of(new String[] {MODULE, "emulator:ML307R?baud=" + BAUD}), false, List.of())) {
            for (String mode : new String[] {"normal", "streamBuffer"}) {
                for (boolean reading : new boolean[] {true, false}) {
                    burst(gateway, peer, mode, reading, burst, figures);
                }
            }
        }
        return figures;
    }

    private static void burst(Gateway gateway, Peer peer, String mode, boolean reading, long burst,
                              List<Figure> figures) throws Exception {
        byte[] message = new byte[1460];
        new Random(7).nextBytes(message);
        int index = peer.acceptedCount();
        int id = gateway.open(MODULE, "TCP", peer.tcpPort(), mode);
        Socket s = peer.connection(index);
        AtomicLong sent = new AtomicLong();
        long t0 = System.nanoTime();
        Thread pourer = Thread.ofVirtual().start(() -> {
            try {
                var out = s.getOutputStream();
                for (long n = 0; n < burst; n += message.length) {
                    int len = (int) Math.min(message.length, burst - n);
                    out.write(message, 0, len);
                    sent.addAndGet(len);
                }
                out.flush();
            } catch (java.io.IOException e) {
                // the connection closed under the peer: what it wrote so far is counted
            }
        });
        long delivered = 0;
        long maxRss = 0;
        long idleSince = System.nanoTime();
        long lastSeen = -1;
        // An away reader comes back once the gateway has taken in everything the peer wrote (received or dropped)
        // or nothing has moved for two seconds; the run ends when the peer is done, everything is read and nothing
        // has moved for two seconds.
        boolean away = !reading;
        while (true) {
            maxRss = Math.max(maxRss, gateway.rssAndPeakKiB()[0]);
            boolean peerDone = !pourer.isAlive();
            String dto = gateway.connection(MODULE, id, false).body();
            long received = Gateway.longField(dto, "bytesReceived");
            long dropped = Gateway.longField(dto, "droppedBytes");
            if (away && peerDone && (received + dropped >= sent.get()
                    || System.nanoTime() - idleSince > 2_000_000_000L)) {
                away = false;
                idleSince = System.nanoTime();
            }
            if (!away) {
                byte[] chunk = gateway.read(MODULE, id, 1_048_576);
                delivered += chunk.length;
            }
            long progress = delivered + received + dropped + sent.get();
            if (progress != lastSeen) {
                lastSeen = progress;
                idleSince = System.nanoTime();
            } else if (peerDone && !away && System.nanoTime() - idleSince > 2_000_000_000L) {
                break;
            }
            Thread.sleep(reading ? 2 : 50);
            if (System.nanoTime() - t0 > 300_000_000_000L) {
                break;
            }
        }
        String dto = gateway.connection(MODULE, id, false).body();
        long dropped = Gateway.longField(dto, "droppedBytes");
        long buffered = Gateway.longField(dto, "bufferedBytes");
        double seconds = (System.nanoTime() - t0) / 1e9 - 2;
        gateway.close(MODULE, id);
        String name = mode + (reading ? ", reader keeps up" : ", reader away");
        long unaccounted = sent.get() - delivered - dropped - buffered;
        figures.add(Figure.of("5 receive burst", name + ": delivered / sent", (double) delivered / sent.get(), "")
                .against(1.0, "all bytes"));
        figures.add(Figure.of("5 receive burst", name + ": dropped (counted)", dropped, "B"));
        figures.add(Figure.of("5 receive burst", name + ": lost silently", unaccounted, "B")
                .target("0", unaccounted == 0));
        figures.add(Figure.of("5 receive burst", name + ": delivery rate", delivered / seconds / (BAUD / 10.0),
                "of line"));
        figures.add(Figure.of("5 receive burst", name + ": max RSS", maxRss / 1024.0, "MiB"));
        System.out.printf("  %-32s sent %d, delivered %d, dropped %d, lost %d, max RSS %d MiB%n", name, sent.get(),
                delivered, dropped, unaccounted, maxRss / 1024);
    }
}
