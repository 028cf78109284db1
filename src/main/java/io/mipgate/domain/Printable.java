package io.mipgate.domain;

/** Renders bytes and text for logs with control bytes escaped ({@code \r\n\x00}), never as raw payload. */
public final class Printable {

    private Printable() {
    }

    public static String escape(CharSequence text, int maxChars) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), maxChars) + 8);
        for (int i = 0; i < text.length(); i++) {
            if (out.length() >= maxChars) {
                return out.append("…(").append(text.length()).append(" chars)").toString();
            }
            appendEscaped(out, text.charAt(i));
        }
        return out.toString();
    }

    public static String escape(byte[] bytes, int offset, int length, int maxChars) {
        StringBuilder out = new StringBuilder(Math.min(length, maxChars) + 8);
        for (int i = 0; i < length; i++) {
            if (out.length() >= maxChars) {
                return out.append("…(").append(length).append(" bytes)").toString();
            }
            appendEscaped(out, (char) (bytes[offset + i] & 0xFF));
        }
        return out.toString();
    }

    private static void appendEscaped(StringBuilder out, char c) {
        switch (c) {
            case '\r' -> out.append("\\r");
            case '\n' -> out.append("\\n");
            case '\t' -> out.append("\\t");
            case '\\' -> out.append("\\\\");
            default -> {
                if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0xFF)) {
                    out.append(String.format("\\x%02x", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
    }
}
