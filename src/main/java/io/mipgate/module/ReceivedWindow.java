package io.mipgate.module;

/**
 * Received bytes of one connection with their place in its stream.
 *
 * @param generation the connection they belong to (successive connections on a connect_id count up)
 * @param offset     stream offset of the first byte: how many bytes of this connection came before it
 * @param data       the bytes
 * @param remaining  bytes the gateway holds after these (for a confirmed read: not counting these)
 */
public record ReceivedWindow(long generation, long offset, byte[] data, int remaining) {

    /** Where the next read starts; passing it to a confirmed read acknowledges these bytes. */
    public long nextOffset() {
        return offset + data.length;
    }
}
