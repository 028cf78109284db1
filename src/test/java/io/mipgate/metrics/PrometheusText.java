package io.mipgate.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format (0.0.4): every line must be a comment, a HELP/TYPE line
 * or a well-formed sample, and every sample must belong to a family with a TYPE. Fails the test otherwise.
 */
public final class PrometheusText {

    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private static final Pattern SAMPLE = Pattern.compile(
            "^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)(?:\\s+-?\\d+)?$");
    private static final Pattern LABEL = Pattern.compile("\\s*([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"\\s*,?");
    private static final Pattern TYPE = Pattern.compile("^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) "
            + "(counter|gauge|histogram|summary|untyped|info|stateset|gaugehistogram|unknown)$");
    private static final String[] SUFFIXES = {"_bucket", "_count", "_sum", "_total", "_created", "_max", "_info"};

    private final List<Sample> samples = new ArrayList<>();
    private final Map<String, String> types = new HashMap<>();

    public static PrometheusText parse(String text) {
        PrometheusText parsed = new PrometheusText();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                Matcher type = TYPE.matcher(line);
                if (line.startsWith("# TYPE")) {
                    assertThat(type.matches()).as("TYPE line: %s", line).isTrue();
                    parsed.types.put(type.group(1), type.group(2));
                }
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            assertThat(m.matches()).as("sample line: %s", line).isTrue();
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(2) != null) {
                Matcher l = LABEL.matcher(m.group(2));
                int end = 0;
                while (l.find() && l.start() == end) {
                    labels.put(l.group(1), l.group(2));
                    end = l.end();
                }
                assertThat(end).as("labels of: %s", line).isEqualTo(m.group(2).length());
            }
            parsed.samples.add(new Sample(m.group(1), labels, value(m.group(3))));
            assertThat(parsed.typeOf(m.group(1))).as("TYPE for %s", m.group(1)).isNotNull();
        }
        return parsed;
    }

    private static double value(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }

    /** The TYPE of the family a sample name belongs to. */
    public String typeOf(String sampleName) {
        if (types.containsKey(sampleName)) {
            return types.get(sampleName);
        }
        for (String suffix : SUFFIXES) {
            if (sampleName.endsWith(suffix)) {
                String family = sampleName.substring(0, sampleName.length() - suffix.length());
                if (types.containsKey(family)) {
                    return types.get(family);
                }
            }
        }
        return null;
    }

    public List<Sample> samples(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }

    /** The one sample of {@code name} whose labels include the given key/value pairs. */
    public double value(String name, String... labelPairs) {
        List<Sample> matching = samples(name).stream().filter(s -> hasLabels(s, labelPairs)).toList();
        assertThat(matching).as("samples %s %s", name, List.of(labelPairs)).hasSize(1);
        return matching.get(0).value();
    }

    public boolean has(String name, String... labelPairs) {
        return samples(name).stream().anyMatch(s -> hasLabels(s, labelPairs));
    }

    private static boolean hasLabels(Sample s, String... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (!pairs[i + 1].equals(s.labels().get(pairs[i]))) {
                return false;
            }
        }
        return true;
    }
}
