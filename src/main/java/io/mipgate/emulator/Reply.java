package io.mipgate.emulator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A command's answer: information lines, a final result and what follows it (a prompt, {@code CONNECT}, an action run
 * once the answer is on the wire, e.g. starting a connect whose URC must come after {@code OK}).
 */
final class Reply {

    static final int OK = -2;
    static final int NONE = -3;
    static final int ERROR = -1;

    final List<byte[]> lines = new ArrayList<>();
    int result = OK;
    byte[] trailer;
    Runnable after;

    static Reply ok() {
        return new Reply();
    }

    static Reply error(AtError error) {
        Reply reply = new Reply();
        reply.result = error.code();
        return reply;
    }

    /** No final result: the answer is a prompt or comes later. */
    static Reply none() {
        Reply reply = new Reply();
        reply.result = NONE;
        return reply;
    }

    Reply line(String text) {
        lines.add(text.getBytes(StandardCharsets.ISO_8859_1));
        return this;
    }

    Reply line(byte[] text) {
        lines.add(text);
        return this;
    }

    Reply then(Runnable action) {
        Runnable previous = after;
        after = previous == null ? action : () -> {
            previous.run();
            action.run();
        };
        return this;
    }

    Reply trailer(byte[] bytes) {
        trailer = bytes;
        return this;
    }

    /**
     * The answer on the wire, each line framed; {@code injectedUrc} (may be null) is slipped in after the first line
     * (fault injection), and {@code resultLine} spells the final result as the current AT+CMEE mode wants.
     */
    byte[] render(String injectedUrc, IntFunction<String> resultLine) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < lines.size(); i++) {
            bytes.writeBytes(ModuleOutput.frame(lines.get(i)));
            if (i == 0 && injectedUrc != null) {
                bytes.writeBytes(ModuleOutput.frame(injectedUrc));
            }
        }
        if (lines.isEmpty() && injectedUrc != null) {
            bytes.writeBytes(ModuleOutput.frame(injectedUrc));
        }
        if (result != NONE) {
            bytes.writeBytes(ModuleOutput.frame(resultLine.apply(result)));
        }
        if (trailer != null) {
            bytes.writeBytes(trailer);
        }
        return bytes.toByteArray();
    }
}
