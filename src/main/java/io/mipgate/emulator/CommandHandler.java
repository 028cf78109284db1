package io.mipgate.emulator;

/** Executes one AT command on the module's loop and returns its answer; failures are thrown as {@link AtError}. */
@FunctionalInterface
interface CommandHandler {
    Reply handle(AtCommand command);
}
