package io.mipgate.at.command;

import io.mipgate.domain.InvalidParameterException;
import io.mipgate.at.model.ModelProfile;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * One administrator-typed command line, sent as it is. Validated so it stays one command: it must start with
 * {@code AT}, be printable ASCII with no CR/LF, not be {@code +++}, and not chain a second command with {@code ;}
 * outside quotes. Every {@code +XXX:} and bare line of the answer is collected.
 */
public record RawCommand(String line, Duration timeout) implements AtCommand {

    public static final int MAX_LENGTH = 1024;

    @Override
    public String name() {
        return "RAW";
    }

    @Override
    public Form form() {
        return Form.EXECUTE;
    }

    @Override
    public byte[] encode(ModelProfile profile) {
        validate(line);
        return CommandLine.terminated(line);
    }

    public static void validate(String line) {
        if (line == null || line.length() < 2 || !line.substring(0, 2).toUpperCase(Locale.ROOT).equals("AT")) {
            throw new InvalidParameterException("command", line, "a line starting with AT", null);
        }
        if (line.length() > MAX_LENGTH) {
            throw new InvalidParameterException("command", line, "at most " + MAX_LENGTH + " characters", null);
        }
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new InvalidParameterException("command", line,
                        "printable ASCII on one line (character " + i + " is not)", null);
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ';' && !quoted) {
                throw new InvalidParameterException("command", line, "a single command (no ';' chaining)", null);
            }
        }
        if (quoted) {
            throw new InvalidParameterException("command", line, "balanced double quotes", null);
        }
        if (line.contains("+++")) {
            throw new InvalidParameterException("command", line, "no +++ escape sequence", null);
        }
        if (takesOverTheLine(line.toUpperCase(Locale.ROOT).replace(" ", ""))) {
            throw new InvalidParameterException("command", line,
                    "no command that turns the line into a data stream (> prompt or transparent mode): use the"
                            + " connections API for those", null);
        }
    }

    /**
     * A raw command may not leave the line in a data mode the worker does not know about: the prompt forms of
     * AT+MIPSEND (no inline data) and switches to transparent mode would make later commands payload.
     */
    private static boolean takesOverTheLine(String upper) {
        if (upper.startsWith("AT+MIPSEND=") && !upper.endsWith("=?")) {
            return fieldCount(upper) < 3;
        }
        if (upper.startsWith("AT+MIPMODE=")) {
            String[] fields = upper.substring("AT+MIPMODE=".length()).split(",", -1);
            return fields.length >= 2 && fields[1].equals("1");
        }
        if (upper.startsWith("AT+MIPOPEN=")) {
            String[] fields = upper.substring("AT+MIPOPEN=".length()).split(",", -1);
            return fields.length >= 6 && fields[5].equals("1");
        }
        return upper.equals("ATO") || upper.startsWith("ATD");
    }

    private static int fieldCount(String upper) {
        return upper.substring(upper.indexOf('=') + 1).split(",", -1).length;
    }

    /** Information lines of the typed command ({@code AT+CSQ} → {@code +CSQ}) and bare text lines belong to it. */
    @Override
    public ResponseShape response() {
        if (line.length() > 3 && (line.charAt(2) == '+' || line.charAt(2) == '&')) {
            int end = 3;
            while (end < line.length() && Character.isLetterOrDigit(line.charAt(end))) {
                end++;
            }
            return new ResponseShape(Set.of("+" + line.substring(3, end).toUpperCase(Locale.ROOT)), false, true);
        }
        return ResponseShape.TEXT;
    }

    @Override
    public Duration responseTimeout(ModelProfile profile) {
        return timeout == null ? DEFAULT_RESPONSE_TIMEOUT : timeout;
    }

    @Override
    public String describe() {
        int end = line.indexOf('=');
        return end > 0 ? line.substring(0, end) : line;
    }
}
