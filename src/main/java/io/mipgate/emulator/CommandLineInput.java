package io.mipgate.emulator;

import java.util.Arrays;

/**
 * Command mode: collects a line up to CR (LF ignored, backspace honoured), echoes what it consumed when ATE1, and
 * executes it. A line longer than the firmware's limit is answered with ERROR.
 */
final class CommandLineInput implements InputMode {

    private final ModuleCore core;
    private final StringBuilder line = new StringBuilder();
    private boolean overflow;

    CommandLineInput(ModuleCore core) {
        this.core = core;
    }

    void reset() {
        line.setLength(0);
        overflow = false;
    }

    @Override
    public int consume(byte[] data, int offset, long arrivedNanos) {
        int limit = core.firmware.commandLineLimit();
        int i = offset;
        while (i < data.length) {
            byte b = data[i++];
            if (b == '\r') {
                echo(data, offset, i);
                String command = line.toString();
                boolean tooLong = overflow;
                reset();
                if (tooLong) {
                    core.answer(Reply.error(AtError.plain()));
                } else {
                    core.execute(command);
                }
                return i - offset;
            }
            if (b == '\n') {
                continue;
            }
            if (b == 0x08) {
                if (!line.isEmpty()) {
                    line.setLength(line.length() - 1);
                }
                continue;
            }
            if (line.length() >= limit) {
                overflow = true;
            } else {
                line.append((char) (b & 0xFF));
            }
        }
        echo(data, offset, i);
        return i - offset;
    }

    private void echo(byte[] data, int from, int to) {
        if (core.state().echo && to > from) {
            core.out.write(Arrays.copyOfRange(data, from, to));
        }
    }
}
