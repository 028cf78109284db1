package io.mipgate.at.command;

import io.mipgate.at.model.ModelProfile;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@code +++}: leave transparent mode (AT-REFERENCE §2.13). No CR; the worker keeps the line silent for the guard
 * time before and after, otherwise the module forwards the three characters as data.
 */
public record Escape(Duration guardTime) implements AtCommand {

    /** Guard time real ML307 firmware needs around {@code +++} (FIELD-NOTES §12). */
    public static final Duration DEFAULT_GUARD_TIME = Duration.ofSeconds(1);

    public static Escape withDefaultGuard() {
        return new Escape(DEFAULT_GUARD_TIME);
    }

    @Override
    public String name() {
        return "+++";
    }

    @Override
    public Form form() {
        return Form.EXECUTE;
    }

    @Override
    public byte[] encode(ModelProfile profile) {
        Params.require(profile, profile.transparent(), "+++ (transparent mode)");
        return "+++".getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public Duration responseTimeout(ModelProfile profile) {
        return guardTime.multipliedBy(2).plus(DEFAULT_RESPONSE_TIMEOUT);
    }
}
