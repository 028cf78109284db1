package io.mipgate.emulator;

/** What the module does with bytes from the host: command lines, prompt data, or transparent data. */
interface InputMode {

    /**
     * Consumes bytes from {@code data[offset..]} that arrived at {@code arrivedNanos}; returns how many were taken
     * (at least one). May switch the module to another mode, which then gets the rest.
     */
    int consume(byte[] data, int offset, long arrivedNanos);
}
