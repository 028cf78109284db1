package io.mipgate.emulator;

import io.mipgate.domain.AccessMode;
import io.mipgate.emulator.model.AllFamilies;

/**
 * What the network delivers, reported per the connection's access mode (AT-REFERENCE 2.14): pushed as URCs, held
 * for AT+MIPRD, or written raw in transparent mode; plus peer closes and write completions ({@code "ack"}).
 */
final class Inbound implements Connection.Events {

    private final ModuleCore core;

    Inbound(ModuleCore core) {
        this.core = core;
    }

    @Override
    public void data(Connection connection, byte[] data) {
        core.post(() -> onData(connection, data));
    }

    @Override
    public void closedByPeer(Connection connection, int state) {
        core.post(() -> onClosed(connection, state));
    }

    @Override
    public void written(Connection connection, int bytes) {
        core.post(() -> onWritten(connection, bytes));
    }

    private ConnectionSlot owner(Connection connection) {
        for (ConnectionSlot slot : core.state().slots) {
            if (slot.connection == connection) {
                return slot;
            }
        }
        return null;
    }

    private void onData(Connection connection, byte[] data) {
        ConnectionSlot slot = owner(connection);
        if (slot == null) {
            return;
        }
        slot.received += data.length;
        String kind = slot.isTcp() ? "rtcp" : "rudp";
        switch (slot.mode) {
            case TRANSPARENT -> {
                if (core.state().transparent == slot) {
                    core.out.write(data);
                } else {
                    pushed(slot, kind, data);
                }
                connection.consumed(data.length);
            }
            case NORMAL -> {
                pushed(slot, kind, data);
                connection.consumed(data.length);
            }
            case STREAM_BUFFER -> {
                slot.buffer.add(data);
                core.out.urc("+MIPURC: \"rtcp\"," + slot.id + "," + data.length + "," + slot.buffer.bytes());
            }
            case PACKET_BUFFER -> {
                if (slot.buffer.count() >= core.model.receive().maxCachedPackets()
                        || slot.buffer.bytes() + data.length > slot.settings.rcvbuf) {
                    core.out.urc("+MIPURC: \"drop\"," + slot.id + "," + data.length);
                } else {
                    slot.buffer.add(data);
                    core.out.urc("+MIPURC: \"rudp\"," + slot.id + "," + slot.buffer.count());
                }
            }
        }
    }

    private void pushed(ConnectionSlot slot, String kind, byte[] data) {
        core.out.urc(core.reports.pushed(slot.id, kind, data, slot.settings.recvFormat));
    }

    private void onClosed(Connection connection, int state) {
        ConnectionSlot slot = owner(connection);
        if (slot != null) {
            disconnected(slot, connection, state);
        }
    }

    /** Reports {@code "disconn"} with {@code state} (1 peer, 2 error, 3 PDP deactivated) and frees per autofree. */
    void disconnected(ConnectionSlot slot, Connection connection, int state) {
        byte[] marker = core.reports.disconnected(slot.id, state);
        if (core.state().transparent == slot) {
            core.leaveTransparent(slot, marker);
        } else {
            core.out.urc(marker);
        }
        if (slot.settings.autofree == 0) {
            slot.release();
        } else {
            slot.connection = null;
            connection.abandon();
            slot.state = SlotState.CLOSED;
            slot.mode = slot.mode == AccessMode.TRANSPARENT ? AccessMode.NORMAL : slot.mode;
        }
    }

    private void onWritten(Connection connection, int bytes) {
        ConnectionSlot slot = owner(connection);
        if (slot == null || !slot.isTcp()) {
            return;
        }
        slot.acked += bytes;
        if (slot.settings.ackmode == 1 && core.model.receive().ackUrc()) {
            // <length> is 1~1460 (AT-REFERENCE 2.14.2): a write larger than a segment is acknowledged in parts
            int segment = AllFamilies.ACK_LENGTH.max();
            for (int left = bytes; left > 0; left -= segment) {
                core.out.urc("+MIPURC: \"ack\"," + slot.id + "," + Math.min(segment, left));
            }
        }
    }
}
