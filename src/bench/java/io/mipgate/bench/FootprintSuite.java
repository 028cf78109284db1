package io.mipgate.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Figure 6: the embedded default (demo profile: two virtual modules on pseudo-terminals, H2, a generated key) started
 * as the README starts it (JVM defaults) and with the image's flags, first start (writes the CDS archive) and second
 * start (maps it): time from process start to readiness UP, RSS after 5 s idle. The baseline of the second start is
 * the first, so the ratio shows what the archive buys.
 */
final class FootprintSuite {

    private FootprintSuite() {
    }

    static List<Figure> run() throws Exception {
        List<Figure> figures = new ArrayList<>();
        java.nio.file.Files.deleteIfExists(BenchHarness.WORK.resolve("mipgate.jsa"));
        double[] plain = start("footprint-defaults", List.of());
        double[] first = start("footprint-image-1", Gateway.containerFlags());
        double[] second = start("footprint-image-2", Gateway.containerFlags());
        figures.add(Figure.of("6 footprint", "start to ready, JVM defaults", plain[0], "s"));
        figures.add(Figure.of("6 footprint", "idle RSS, JVM defaults", plain[1], "MiB"));
        figures.add(Figure.of("6 footprint", "start to ready, image flags, 1st start", first[0], "s"));
        figures.add(Figure.of("6 footprint", "start to ready, image flags, CDS archive", second[0], "s")
                .against(first[0], "1st start"));
        figures.add(Figure.of("6 footprint", "idle RSS, image flags", second[1], "MiB")
                .target("<= 512 MiB", second[1] <= 512));
        return figures;
    }

    private static double[] start(String name, List<String> flags) throws Exception {
        try (Gateway gateway = Gateway.start(name, flags, List.of(), true, List.of())) {
            Thread.sleep(5000); // idle, as a box sits after boot
            double rss = gateway.rssAndPeakKiB()[0] / 1024.0;
            System.out.printf("  %-24s ready in %.2f s, idle RSS %.0f MiB%n", name, gateway.startup.toMillis() / 1e3,
                    rss);
            return new double[] {gateway.startup.toMillis() / 1e3, rss};
        }
    }
}
