package io.mipgate.emulator;

import io.mipgate.domain.CloseMode;
import java.util.function.IntConsumer;

/** A live socket behind a slot. Events go to {@link Events}, which hands them to the module's loop. */
interface Connection {

    /** Starts receiving; called on the loop once the slot shows the connection as established. */
    void start();

    /** Queues data for the peer; {@link Events#written} follows once it is handed to the host's stack. */
    void send(byte[] data);

    /**
     * Closes as the module would for {@code mode}; {@code onClosed} runs (on any thread) when done with the
     * {@code <ret_code>} of {@code +MIPCLOSE:} (AT-REFERENCE 2.4.2): 0 closed normally, 1 the server did not respond
     * (closed on timeout), 2 closed for another reason (RST received, transmission error). With {@code awaitPeer}
     * a graceful close waits for the peer's own close, which is what tells these apart.
     */
    void close(CloseMode mode, boolean awaitPeer, IntConsumer onClosed);

    /** Fault: the peer resets the connection (our socket is aborted with RST). */
    void resetByPeer();

    /** Closes without any further events (reboot, slot freed). */
    void abandon();

    /** The host consumed {@code bytes} of received data: flow-control credit comes back. */
    void consumed(int bytes);

    /** How much received data may be outstanding before the socket is no longer read (TCP window in buffer mode). */
    void creditLimit(int bytes);

    void applyKeepAlive(SlotSettings settings);

    interface Events {
        void data(Connection connection, byte[] data);

        void closedByPeer(Connection connection, int state);

        void written(Connection connection, int bytes);
    }
}
