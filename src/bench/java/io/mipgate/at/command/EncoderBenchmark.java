package io.mipgate.at.command;

import io.mipgate.at.model.ModelFamily;
import io.mipgate.at.model.ModelProfile;
import io.mipgate.at.model.ModelProfiles;
import io.mipgate.domain.SendFormat;
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

/**
 * Encoder cost per command: the validated encoders of {@code AT+MIPSEND} (inline HEX, and the prompt form the gateway
 * prefers) and of a short command, against the naive baseline a string-building driver uses
 * ({@code String.format} plus {@code HexFormat}, no validation).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
public class EncoderBenchmark {

    @Param({"64", "1460"})
    int size;

    private ModelProfile profile;
    private byte[] payload;

    @Setup
    public void setUp() {
        profile = ModelProfiles.of(ModelFamily.ML307R);
        payload = new byte[size];
        new Random(size).nextBytes(payload);
    }

    @Benchmark
    public byte[] inlineHex() {
        return MipSend.Inline.of(0, payload, SendFormat.HEX).encode(profile);
    }

    @Benchmark
    public byte[] promptHeader() {
        return new MipSend.Prompt(0, size).encode(profile);
    }

    @Benchmark
    public byte[] baselineNaiveInlineHex() {
        return String.format("AT+MIPSEND=%d,%d,\"%s\"\r", 0, payload.length, HexFormat.of().formatHex(payload))
                .getBytes(StandardCharsets.US_ASCII);
    }
}
