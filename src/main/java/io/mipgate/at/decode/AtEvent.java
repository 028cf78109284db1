package io.mipgate.at.decode;

import java.util.Arrays;
import java.util.Objects;

/**
 * Everything {@link AtDecoder} reports about the bytes a module sent. The hierarchy is sealed so that a consumer's
 * {@code switch} is checked for completeness: final results, information lines of the command in flight, URCs, and
 * the few framing events declared here.
 */
public sealed interface AtEvent
        permits FinalResult, Information, Urc, AtEvent.Prompt, AtEvent.Connect, AtEvent.Echo,
        AtEvent.TransparentData, AtEvent.Discarded {

    /** The {@code >} data prompt of AT+MIPSEND, recognised at a line start while the expectation asks for it. */
    record Prompt() implements AtEvent {
    }

    /** {@code CONNECT}: the port is now in transparent mode; the decoder has switched itself. */
    record Connect() implements AtEvent {
    }

    /** A command echoed back by the module (ATE1). The worker drops it. */
    record Echo(String line) implements AtEvent {
        public Echo {
            Objects.requireNonNull(line, "line");
        }
    }

    /** Raw bytes received while the port is transparent; one event per fed chunk at most. */
    record TransparentData(byte[] data) implements AtEvent {
        public TransparentData {
            Objects.requireNonNull(data, "data");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TransparentData that && Arrays.equals(data, that.data);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "TransparentData[" + data.length + " bytes]";
        }
    }

    /**
     * Bytes the decoder could not use: an unknown or malformed line, stray bytes, the head of an overlong line.
     *
     * @param length number of bytes thrown away (line terminators not counted)
     * @param reason short human-readable cause, for logs and metrics
     */
    record Discarded(int length, String reason) implements AtEvent {
        public Discarded {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
