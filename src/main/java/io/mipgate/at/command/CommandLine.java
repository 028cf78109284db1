package io.mipgate.at.command;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds one command line: {@code AT+NAME=p1,"p2",,p4<CR>}. Unset parameters render as empty fields; trailing empty
 * fields are dropped, so optional trailing parameters disappear while skipped middle ones stay as {@code ,,}
 * (AT-REFERENCE §1.4, e.g. {@code AT+MNTP="cn.ntp.org.cn",,0}). Strings must already be validated.
 */
final class CommandLine {

    private final String head;
    private final List<String> fields = new ArrayList<>();

    private CommandLine(String head) {
        this.head = head;
    }

    static CommandLine set(String name) {
        return new CommandLine(name + "=");
    }

    CommandLine number(Integer value) {
        fields.add(value == null ? "" : value.toString());
        return this;
    }

    CommandLine quoted(String value) {
        fields.add(value == null ? "" : '"' + value + '"');
        return this;
    }

    /** A field taken verbatim, e.g. an already-encoded inline payload. */
    CommandLine raw(String value) {
        fields.add(value == null ? "" : value);
        return this;
    }

    byte[] encode() {
        int last = fields.size() - 1;
        while (last >= 0 && fields.get(last).isEmpty()) {
            last--;
        }
        StringBuilder line = new StringBuilder(head);
        for (int i = 0; i <= last; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(fields.get(i));
        }
        return terminated(line.toString());
    }

    static byte[] terminated(String line) {
        byte[] text = line.getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[text.length + 1];
        System.arraycopy(text, 0, out, 0, text.length);
        out[text.length] = '\r';
        return out;
    }
}
