package io.mipgate.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the gateway's CPU went under the scale load, from its JFR recording: execution samples counted by top frame
 * and by the first layer they pass through (reading the stack from the top), plus {@code jfr view hot-methods}.
 * The virtual modules run inside the gateway JVM, so their share is reported as its own layer.
 */
final class Profiles {

    /** Layers, most specific first: the first whose package appears in a stack (from the top) claims the sample. */
    private static final Map<String, String> LAYERS = new LinkedHashMap<>();

    static {
        LAYERS.put("io.mipgate.emulator", "virtual modules (emulator, same JVM)");
        LAYERS.put("org.h2", "history store (H2/JPA)");
        LAYERS.put("org.hibernate", "history store (H2/JPA)");
        LAYERS.put("io.mipgate.store", "history store (H2/JPA)");
        LAYERS.put("org.springframework.data", "history store (H2/JPA)");
        LAYERS.put("org.springframework.orm", "history store (H2/JPA)");
        LAYERS.put("org.springframework.transaction", "history store (H2/JPA)");
        LAYERS.put("com.zaxxer.hikari", "history store (H2/JPA)");
        LAYERS.put("ch.qos.logback", "logging");
        LAYERS.put("org.slf4j", "logging");
        LAYERS.put("tools.jackson", "JSON (Jackson)");
        LAYERS.put("com.fasterxml.jackson", "JSON (Jackson)");
        LAYERS.put("org.springframework.http.converter", "JSON (Jackson)");
        LAYERS.put("org.springframework.context.event", "application events (module events to listeners)");
        LAYERS.put("io.micrometer", "metrics (Micrometer)");
        LAYERS.put("io.mipgate.metrics", "metrics (Micrometer)");
        LAYERS.put("org.springframework.boot.micrometer", "metrics (Micrometer)");
        LAYERS.put("org.springframework.web.filter.ServerHttpObservationFilter", "metrics (Micrometer)");
        LAYERS.put("org.springframework.security", "security filter chain");
        LAYERS.put("io.mipgate.api.security", "security filter chain");
        LAYERS.put("io.mipgate.at", "AT codec");
        LAYERS.put("io.mipgate.module", "module worker");
        LAYERS.put("io.mipgate.transport", "transport");
        LAYERS.put("io.mipgate.api", "REST controllers");
        LAYERS.put("org.springframework.web", "Spring MVC dispatch");
        LAYERS.put("org.apache.catalina", "Tomcat");
        LAYERS.put("org.apache.coyote", "Tomcat");
        LAYERS.put("org.apache.tomcat", "Tomcat");
        LAYERS.put("org.springframework", "Spring (other)");
    }

    private Profiles() {
    }

    static List<String> summarise(Path recording) throws Exception {
        String jfr = Path.of(System.getProperty("java.home"), "bin", "jfr").toString();
        String samples = exec(jfr, "print", "--events", "jdk.ExecutionSample", "--stack-depth", "64",
                recording.toString());
        Map<String, Integer> topFrames = new HashMap<>();
        Map<String, Integer> layers = new HashMap<>();
        int total = 0;
        List<String> stack = new ArrayList<>();
        boolean inStack = false;
        for (String line : samples.split("\n")) {
            String t = line.trim();
            if (t.startsWith("stackTrace = [")) {
                inStack = true;
                stack.clear();
            } else if (inStack && t.startsWith("]")) {
                inStack = false;
                if (!stack.isEmpty()) {
                    total++;
                    topFrames.merge(stack.get(0), 1, Integer::sum);
                    layers.merge(layer(stack), 1, Integer::sum);
                }
            } else if (inStack && !t.equals("...")) {
                int paren = t.indexOf('(');
                stack.add(paren > 0 ? t.substring(0, paren) : t);
            }
        }
        List<String> notes = new ArrayList<>();
        notes.add("### Scale load: gateway CPU by layer (JFR execution samples, " + total + " samples)\n\n"
                + ranking(layers, total, 20));
        notes.add("### Scale load: top frames\n\n" + ranking(topFrames, total, 15));
        String hot = exec(jfr, "view", "--width", "160", "hot-methods", recording.toString());
        notes.add("### `jfr view hot-methods`\n\n```\n" + String.join("\n",
                hot.lines().limit(30).toList()) + "\n```");
        return notes;
    }

    private static String layer(List<String> stack) {
        for (String frame : stack) {
            for (var e : LAYERS.entrySet()) {
                if (frame.startsWith(e.getKey())) {
                    return e.getValue();
                }
            }
        }
        return "JDK / other (" + stack.get(0).replaceAll("\\.[^.]+$", "") + ")";
    }

    private static String ranking(Map<String, Integer> counts, int total, int limit) {
        StringBuilder out = new StringBuilder("| share | samples | where |\n|---:|---:|---|\n");
        counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(limit).forEach(e ->
                out.append(String.format(Locale.ROOT, "| %.1f %% | %d | `%s` |%n", 100.0 * e.getValue() / total,
                        e.getValue(), e.getKey())));
        return out.toString();
    }

    private static String exec(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
