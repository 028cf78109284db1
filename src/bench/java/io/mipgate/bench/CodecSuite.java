package io.mipgate.bench;

import io.mipgate.at.command.EncoderBenchmark;
import io.mipgate.at.decode.DecoderThroughputBenchmark;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Figure 4, through JMH (a forked JVM per benchmark): decoder MB/s on the URC-heavy and the raw-data-heavy stream
 * against a naive {@code BufferedReader.readLine} split of the same bytes, and encoder ns/op against a
 * {@code String.format} encoder.
 */
final class CodecSuite {

    private CodecSuite() {
    }

    static List<Figure> run(boolean quick) throws Exception {
        TimeValue time = TimeValue.seconds(quick ? 1 : 3);
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(DecoderThroughputBenchmark.class.getSimpleName() + "\\.(decoder|baselineReadLine)")
                .include(EncoderBenchmark.class.getSimpleName())
                .forks(1).warmupIterations(quick ? 2 : 3).warmupTime(time).measurementIterations(quick ? 3 : 5)
                .measurementTime(time).jvmArgsAppend("-Xmx512m").verbosity(VerboseMode.SILENT).build()).run();
        List<Figure> figures = new ArrayList<>();
        for (String kind : new String[] {"urc", "data"}) {
            double mb = DecoderThroughputBenchmark.stream(kind).length / 1e6;
            double decoder = score(results, "decoder", kind) * mb;
            double naive = score(results, "baselineReadLine", kind) * mb;
            figures.add(Figure.of("4 codec", "decoder, " + kind + "-heavy stream", decoder, "MB/s")
                    .against(naive, "readLine split"));
        }
        for (String size : new String[] {"64", "1460"}) {
            double naive = score(results, "baselineNaiveInlineHex", size);
            figures.add(Figure.of("4 codec", "encoder inline HEX AT+MIPSEND " + size + " B",
                    score(results, "inlineHex", size), "ns/op").against(naive, "String.format"));
            figures.add(Figure.of("4 codec", "encoder prompt AT+MIPSEND header (" + size + " B)",
                    score(results, "promptHeader", size), "ns/op").against(naive, "String.format inline"));
        }
        return figures;
    }

    private static double score(Collection<RunResult> results, String method, String param) {
        for (RunResult r : results) {
            var params = r.getParams();
            String value = params.getParam("streamKind") != null ? params.getParam("streamKind")
                    : params.getParam("size");
            if (params.getBenchmark().endsWith("." + method) && param.equals(value)) {
                return r.getPrimaryResult().getScore();
            }
        }
        return Double.NaN;
    }
}
