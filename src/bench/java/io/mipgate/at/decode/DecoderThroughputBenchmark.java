package io.mipgate.at.decode;

import io.mipgate.domain.AccessMode;
import io.mipgate.domain.RecvFormat;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decoder throughput on a URC-heavy stream and on a raw-data-heavy one ({@code streamKind}) (raw and HEX {@code +MIPURC: "rtcp"} data of varied sizes, buffer notices,
 * ack/disconn lines, OK), against two baselines over the same bytes: a plain scan-and-copy for line ends, and a naive
 * {@code BufferedReader.readLine} split (which cannot even frame binary payloads correctly).
 * Each operation decodes the whole stream ({@link #STREAM_BYTES} bytes, printed at set-up) in {@code chunk}-sized feeds;
 * MB/s = ops/s × stream size.
 *
 * <p>The annotations carry {@code -f 1 -wi 2 -i 3 -w 2s -r 2s}: the pom's exec call passes {@code bench.args} to JMH as
 * one argument, so only a single option (e.g. this class's name as the regex) survives it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
public class DecoderThroughputBenchmark {

    static final int STREAM_BYTES = 1 << 20;

    @Param({"4096"})
    int chunk;

    /** urc: the mixed URC-heavy stream below; data: raw 1460-byte {@code rtcp} blocks with an OK now and then. */
    @Param({"urc", "data"})
    String streamKind;

    byte[] stream;
    byte[] scratch;

    @Setup
    public void buildStream() {
        stream = stream(streamKind);
        scratch = new byte[8192];
        System.out.println("stream bytes: " + stream.length);
    }

    /** The bytes one operation decodes, for the harness to turn ops/s into MB/s. */
    public static byte[] stream(String kind) {
        Random random = new Random(42);
        ByteArrayOutputStream out = new ByteArrayOutputStream(STREAM_BYTES + 4096);
        int n = 0;
        while (out.size() < STREAM_BYTES) {
            int size = 16 + random.nextInt(1445);
            byte[] data = new byte[size];
            random.nextBytes(data);
            if (kind.equals("data")) {
                data = new byte[1460];
                random.nextBytes(data);
                out.writeBytes(ascii("\r\n+MIPURC: \"rtcp\",0,1460,"));
                out.writeBytes(data);
                out.writeBytes(ascii(n++ % 16 == 0 ? "\r\n\r\nOK\r\n" : "\r\n"));
                continue;
            }
            switch (n++ % 8) {
                case 0, 1, 2 -> {
                    out.writeBytes(ascii("\r\n+MIPURC: \"rtcp\",0," + size + ","));
                    out.writeBytes(data);
                    out.writeBytes(ascii("\r\n"));
                }
                case 3, 4 -> out.writeBytes(ascii("\r\n+MIPURC: \"rtcp\",1," + size + ","
                        + HexFormat.of().withUpperCase().formatHex(data) + "\r\n"));
                case 5 -> out.writeBytes(ascii("\r\n+MIPURC: \"rtcp\",2," + size + "," + (size * 3) + "\r\n"));
                case 6 -> out.writeBytes(ascii("\r\n+MIPURC: \"ack\",0," + size + "\r\n\r\n+MIPURC: \"disconn\",3,1\r\n"));
                default -> out.writeBytes(ascii("\r\nOK\r\n\r\n+MIPURC: \"rudp\",4,7\r\n"));
            }
        }
        return out.toByteArray();
    }

    private AtDecoder newDecoder(Blackhole blackhole) {
        AtDecoder decoder = new AtDecoder(blackhole::consume);
        decoder.connection(1, AccessMode.NORMAL, RecvFormat.HEX);
        decoder.connection(2, AccessMode.STREAM_BUFFER, RecvFormat.ASCII);
        decoder.connection(4, AccessMode.PACKET_BUFFER, RecvFormat.ASCII);
        return decoder;
    }

    @Benchmark
    public void decoder(Blackhole blackhole) {
        AtDecoder decoder = newDecoder(blackhole);
        for (int pos = 0; pos < stream.length; pos += chunk) {
            decoder.feed(stream, pos, Math.min(chunk, stream.length - pos));
        }
    }

    /** Baseline: find every line end and copy each line into a reusable buffer (no parsing at all). */
    @Benchmark
    public int baselineScanCopy() {
        int lines = 0;
        int start = 0;
        byte[] data = stream;
        for (int i = 0; i < data.length; i++) {
            byte b = data[i];
            if (b == '\n' || b == '\r') {
                int length = Math.min(i - start, scratch.length);
                System.arraycopy(data, start, scratch, 0, length);
                lines++;
                start = i + 1;
            }
        }
        return lines + scratch[0];
    }

    /** Baseline: the naive line reader a String-per-line driver would use (wrong on raw payloads). */
    @Benchmark
    public void baselineReadLine(Blackhole blackhole) throws IOException {
        BufferedReader reader = new BufferedReader(
                new InputStreamReader(new ByteArrayInputStream(stream), StandardCharsets.ISO_8859_1), chunk);
        String line;
        while ((line = reader.readLine()) != null) {
            blackhole.consume(line);
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
