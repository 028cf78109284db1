package io.mipgate.at.command;

import io.mipgate.domain.SendFormat;
import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The three typings of inline AT+MIPSEND data (AT-REFERENCE §2.5.1 Form A). The payload is always written between
 * double quotes, so ASCII format can carry only printable ASCII without {@code "}; HEX carries anything at twice the
 * length; the escaped format carries anything with C-style escapes. The manual leaves the escape syntax open: ours is
 * {@code \\ \" \r \n \t \0 \xHH}, and the emulator decodes the same. The encoder writes a quote as {@code \x22},
 * never {@code \"}, so the typed text contains no quote even for a module that does not know escapes.
 */
public final class InlinePayload {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private InlinePayload() {
    }

    /** Why {@code format} cannot carry these bytes inline, or empty when it can. */
    public static Optional<String> unsupportedReason(SendFormat format, byte[] data) {
        if (format != SendFormat.ASCII) {
            return Optional.empty();
        }
        for (int i = 0; i < data.length; i++) {
            int b = data[i] & 0xFF;
            if (!isPlainAscii(b)) {
                return Optional.of("byte " + i + " (0x" + HEX.toHexDigits((byte) b)
                        + ") cannot be typed in ASCII format: use HEX, the escaped format or the > data mode");
            }
        }
        return Optional.empty();
    }

    public static boolean canCarry(SendFormat format, byte[] data) {
        return unsupportedReason(format, data).isEmpty();
    }

    /** The text typed between the quotes. */
    public static String encode(SendFormat format, byte[] data) {
        return switch (format) {
            case ASCII -> {
                unsupportedReason(format, data).ifPresent(reason -> {
                    throw new IllegalArgumentException(reason);
                });
                yield new String(data, java.nio.charset.StandardCharsets.ISO_8859_1);
            }
            case HEX -> HEX.formatHex(data);
            case ESCAPED -> escape(data);
        };
    }

    /**
     * The {@code <send_length>} that matches the typed text: bytes for ASCII and HEX (the HEX string is twice as
     * long), and for the escaped format the length of the typed string, the reference's literal reading of
     * "the length of the string actually typed".
     */
    public static int lengthField(SendFormat format, byte[] data, String typed) {
        return format == SendFormat.ESCAPED ? typed.length() : data.length;
    }

    /** Module side: the bytes a typed inline payload stands for; throws {@link IllegalArgumentException} when malformed. */
    public static byte[] decode(SendFormat format, String typed) {
        return switch (format) {
            case ASCII -> typed.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            case HEX -> {
                if (typed.length() % 2 != 0) {
                    throw new IllegalArgumentException("odd number of hex digits");
                }
                yield HexFormat.of().parseHex(typed);
            }
            case ESCAPED -> unescape(typed);
        };
    }

    private static boolean isPlainAscii(int b) {
        return b >= 0x20 && b <= 0x7E && b != '"';
    }

    private static String escape(byte[] data) {
        StringBuilder out = new StringBuilder(data.length + 16);
        for (byte value : data) {
            int b = value & 0xFF;
            switch (b) {
                case '\\' -> out.append("\\\\");
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case 0 -> out.append("\\0");
                default -> {
                    if (isPlainAscii(b)) {
                        out.append((char) b);
                    } else {
                        out.append("\\x").append(HEX.toHexDigits((byte) b));
                    }
                }
            }
        }
        return out.toString();
    }

    private static byte[] unescape(String typed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(typed.length());
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (c != '\\') {
                out.write(c);
                continue;
            }
            if (++i >= typed.length()) {
                throw new IllegalArgumentException("dangling backslash");
            }
            char e = typed.charAt(i);
            switch (e) {
                case '\\', '"' -> out.write(e);
                case 'r' -> out.write('\r');
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case '0' -> out.write(0);
                case 'x' -> {
                    if (i + 2 >= typed.length()) {
                        throw new IllegalArgumentException("truncated \\x escape");
                    }
                    out.write(HexFormat.fromHexDigits(typed, i + 1, i + 3));
                    i += 2;
                }
                default -> throw new IllegalArgumentException("unknown escape \\" + e);
            }
        }
        return out.toByteArray();
    }
}
