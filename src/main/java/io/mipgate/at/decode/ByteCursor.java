package io.mipgate.at.decode;

/**
 * Reads the fields of a {@code +MIPURC:}/{@code +MIPRD:} line straight from the line buffer, so that the data path
 * never builds a String. Blanks (space, tab) are tolerated around commas and after the colon.
 */
final class ByteCursor {

    /** Returned by {@link #number()} when no well-formed non-negative number is present. */
    static final long NONE = -1;

    private static final long MAX = 0x7FFF_FFFFL;

    private byte[] bytes;
    private int pos;
    private int end;

    ByteCursor at(byte[] source, int from, int to) {
        bytes = source;
        pos = from;
        end = to;
        return this;
    }

    boolean atEnd() {
        skipBlanks();
        return pos >= end;
    }

    /** Consumes {@code c} (after blanks) if it is next. */
    boolean take(char c) {
        skipBlanks();
        if (pos < end && bytes[pos] == c) {
            pos++;
            return true;
        }
        return false;
    }

    /** A decimal number up to 2^31-1, or {@link #NONE}. */
    long number() {
        skipBlanks();
        long value = 0;
        int start = pos;
        while (pos < end) {
            int digit = bytes[pos] - '0';
            if (digit < 0 || digit > 9) {
                break;
            }
            value = value * 10 + digit;
            if (value > MAX) {
                return NONE;
            }
            pos++;
        }
        return pos == start ? NONE : value;
    }

    /** After an opening quote: which of {@code words} follows up to the closing quote, -1 if none (cursor unchanged). */
    int quotedWord(byte[][] words) {
        skipBlanks();
        if (pos >= end || bytes[pos] != '"') {
            return -1;
        }
        int close = pos + 1;
        while (close < end && bytes[close] != '"') {
            close++;
        }
        if (close >= end) {
            return -1;
        }
        int length = close - pos - 1;
        for (int w = 0; w < words.length; w++) {
            byte[] word = words[w];
            if (word.length == length && regionEquals(word, pos + 1)) {
                pos = close + 1;
                return w;
            }
        }
        return -1;
    }

    private boolean regionEquals(byte[] word, int from) {
        for (int i = 0; i < word.length; i++) {
            if (bytes[from + i] != word[i]) {
                return false;
            }
        }
        return true;
    }

    private void skipBlanks() {
        while (pos < end && (bytes[pos] == ' ' || bytes[pos] == '\t')) {
            pos++;
        }
    }
}
