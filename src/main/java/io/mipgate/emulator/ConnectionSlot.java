package io.mipgate.emulator;

import io.mipgate.domain.AccessMode;
import io.mipgate.domain.Protocol;
import io.mipgate.emulator.model.AllFamilies;
import io.mipgate.emulator.model.ModelFacts;

/** One {@code <connect_id>}: its settings, state, live connection, receive buffer and counters. */
final class ConnectionSlot {

    final int id;
    SlotSettings settings;
    SlotState state = SlotState.INITIAL;
    Protocol protocol;
    String address;
    int remotePort;
    /** The local port AT+MIPOPEN asked for; 0 = chosen by the stack. */
    int localPort;
    AccessMode mode = AccessMode.NORMAL;
    int packetSize = AllFamilies.PACKET_SIZE_DEFAULT;
    int waittm = AllFamilies.WAITTM_DEFAULT;
    Connection connection;
    /** Identifies the open in progress; a late connect result for an older token is discarded. */
    Object openToken;
    final ReceiveBuffer buffer = new ReceiveBuffer();
    long sent;
    long acked;
    long received;

    ConnectionSlot(int id, ModelFacts model) {
        this.id = id;
        this.settings = new SlotSettings(model);
    }

    boolean connected() {
        return state == SlotState.CONNECTED && connection != null;
    }

    boolean isTcp() {
        return protocol == Protocol.TCP;
    }

    /** Back to INITIAL; settings stay. */
    void release() {
        Connection old = connection;
        connection = null;
        openToken = null;
        if (old != null) {
            old.abandon();
        }
        state = SlotState.INITIAL;
        protocol = null;
        address = null;
        remotePort = 0;
        localPort = 0;
        mode = AccessMode.NORMAL;
        packetSize = AllFamilies.PACKET_SIZE_DEFAULT;
        waittm = AllFamilies.WAITTM_DEFAULT;
        buffer.clear();
        sent = 0;
        acked = 0;
        received = 0;
    }
}
