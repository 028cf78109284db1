package io.mipgate.emulator;

import static io.mipgate.emulator.AtCommand.Form.READ;
import static io.mipgate.emulator.AtCommand.Form.SET;
import static io.mipgate.emulator.AtCommand.Form.TEST;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code AT+IPR}: the UART rate (FIELD-NOTES §13; the TCP/IP manual does not cover it). {@code AT+IPR?} answers
 * {@code +IPR: <rate>} (0 while on automatic rate), {@code AT+IPR=?} lists the rates it can be set to (with 0) and the
 * fixed ones, and {@code AT+IPR=<rate>} answers {@code OK} at the old rate, then switches.
 */
final class SerialPortCommands {

    private final ModuleCore core;

    SerialPortCommands(ModuleCore core) {
        this.core = core;
    }

    void register(Map<String, CommandHandler> handlers) {
        handlers.put("+IPR", this::rate);
    }

    private Reply rate(AtCommand command) {
        return switch (command.form()) {
            case TEST -> Reply.ok().line("+IPR: (0," + list(ModuleUart.FIXED_RATES) + "),("
                    + list(ModuleUart.FIXED_RATES) + ")");
            case READ -> Reply.ok().line("+IPR: " + core.uart.rate());
            case SET -> {
                List<AtCommand.Param> p = command.params();
                AtCommand.maxParams(p, 1);
                int rate = AtCommand.integer(p, 0, null);
                if (rate != 0 && !ModuleUart.FIXED_RATES.contains(rate)) {
                    throw AtError.badParameters();
                }
                yield Reply.ok().then(() -> core.changeRate(rate));
            }
            default -> throw AtError.plain();
        };
    }

    private static String list(List<Integer> rates) {
        return rates.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
