package io.mipgate.emulator;

import io.mipgate.emulator.model.AllFamilies;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * AT+MIPSEND data after the {@code >} prompt. With a length: exactly that many raw bytes. Without (Cat.1 forms C/D):
 * until Ctrl+Z (0x1A, not sent), the send buffer (1460) is full, or {@code <send_timeout>}; ESC (0x1B) cancels
 * (V5.1.5 behaviour, FIELD §12). Until then everything the host sends is payload (FIELD §7.2).
 */
final class PromptInput implements InputMode {

    static final int CTRL_Z = 0x1A;
    static final int ESC = 0x1B;

    private final ModuleCore core;
    private final int expected;
    private final Consumer<byte[]> onComplete;
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();
    private final ModuleLoop.Timer deadline;

    /** {@code expected} = 0 for unspecified length. */
    PromptInput(ModuleCore core, int expected, Duration timeout, Consumer<byte[]> onComplete) {
        this.core = core;
        this.expected = expected;
        this.onComplete = onComplete;
        this.deadline = core.schedule(timeout, this::expire);
    }

    @Override
    public int consume(byte[] bytes, int offset, long arrivedNanos) {
        if (expected > 0) {
            int n = Math.min(expected - data.size(), bytes.length - offset);
            data.write(bytes, offset, n);
            if (data.size() == expected) {
                complete();
            }
            return n;
        }
        for (int i = offset; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (b == CTRL_Z) {
                complete();
                return i - offset + 1;
            }
            if (b == ESC) {
                deadline.cancel();
                core.commandMode();
                core.answer(Reply.ok());
                return i - offset + 1;
            }
            data.write(b);
            if (data.size() == AllFamilies.SEND_BUFFER_DEFAULT) {
                complete();
                return i - offset + 1;
            }
        }
        return bytes.length - offset;
    }

    private void complete() {
        deadline.cancel();
        core.commandMode();
        onComplete.accept(data.toByteArray());
    }

    private void expire() {
        core.commandMode();
        if (data.size() == 0 || core.config.promptTimeout() == PromptTimeoutPolicy.DISCARD_WITH_ERROR) {
            core.answer(Reply.error(AtError.badParameters()));
        } else {
            onComplete.accept(data.toByteArray());
        }
    }
}
