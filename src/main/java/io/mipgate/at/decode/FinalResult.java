package io.mipgate.at.decode;

import io.mipgate.domain.ModuleErrorCode;
import java.util.Objects;
import java.util.OptionalInt;

/** The line that ends a command's response; decoding one clears the decoder's {@link ResponseExpectation}. */
public sealed interface FinalResult extends AtEvent {

    /** {@code OK}, including the {@code OK} that ends transparent mode after {@code +++}. */
    record Ok() implements FinalResult {
    }

    /** Bare {@code ERROR}: syntax error or an unknown/unsupported command. */
    record Error() implements FinalResult {
    }

    /**
     * {@code +CME ERROR: <err>}, {@code +CMS ERROR: <err>} or {@code +CIS ERROR: <err>}.
     *
     * @param kind which prefix the module used
     * @param code the numeric error, empty when the module printed a text (AT+CMEE=2)
     * @param text what followed the colon, trimmed ("50", "operation not allowed")
     */
    record CmeError(Kind kind, OptionalInt code, String text) implements FinalResult {

        public enum Kind { CME, CMS, CIS }

        public CmeError {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(text, "text");
        }

        public static CmeError of(Kind kind, int code) {
            return new CmeError(kind, OptionalInt.of(code), Integer.toString(code));
        }

        /**
         * Stable name for logs, metrics and API problems: the catalogue name of a CME code ({@code INCORRECT_PARAMETERS},
         * {@code CME_999} outside the catalogue), {@code CMS_<n>}/{@code CIS_<n>} for the other kinds, the catalogue
         * name whose meaning matches a verbose text, else the text itself.
         */
        public String errorName() {
            if (code.isPresent()) {
                int n = code.getAsInt();
                return kind == Kind.CME ? ModuleErrorCode.nameOf(n) : kind.name() + "_" + n;
            }
            for (ModuleErrorCode error : ModuleErrorCode.values()) {
                if (error.meaning().equalsIgnoreCase(text)) {
                    return error.name();
                }
            }
            return text;
        }
    }
}
