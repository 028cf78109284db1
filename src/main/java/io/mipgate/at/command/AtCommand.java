package io.mipgate.at.command;

import io.mipgate.at.model.ModelProfile;
import java.time.Duration;
import java.util.Optional;

/**
 * One AT command as an immutable value that knows how to encode itself and what its answer looks like (atat's
 * {@code AtatCmd}). Encoding validates every parameter against the reference and against the model's profile and
 * throws {@link io.mipgate.domain.InvalidParameterException} before a byte exists, so nothing invalid reaches a serial
 * line.
 */
public interface AtCommand {

    /** Default time from the last byte written to the final result code; generous for a module under load. */
    Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(5);

    /** The command name without parameters, e.g. {@code AT+MIPOPEN}: safe for logs and metric tags. */
    String name();

    Form form();

    /**
     * The bytes to write, including the terminating CR.
     *
     * @throws io.mipgate.domain.InvalidParameterException when a parameter is out of range or unsupported on the model
     */
    byte[] encode(ModelProfile profile);

    default ResponseShape response() {
        return ResponseShape.FINAL_ONLY;
    }

    /** How long the final result may take; payload-proportional where it matters. */
    default Duration responseTimeout(ModelProfile profile) {
        return DEFAULT_RESPONSE_TIMEOUT;
    }

    /**
     * Whether the exchange carries connection data: cut short, a read's answer is lost (the module gave the bytes up
     * when it answered) and a send's input leaves the module taking the next command text as data.
     */
    default boolean carriesPayload() {
        return false;
    }

    /** The URC that completes this command after its {@code OK}, if any. */
    default Optional<AsyncResult> asyncResult(ModelProfile profile) {
        return Optional.empty();
    }

    /** The command as it would appear in a log: name, form and non-payload parameters. */
    default String describe() {
        return name() + (form() == Form.TEST ? "=?" : form() == Form.READ ? "?" : "");
    }
}
