package io.mipgate.emulator;

import io.mipgate.domain.ModuleErrorCode;
import io.mipgate.emulator.model.ModelFacts;
import io.mipgate.emulator.model.ParamRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** AT+MIPRD: TCP stream buffer read by bytes, UDP packet buffer read by packets (AT-REFERENCE 2.6). */
final class ReadCommand {

    private final ModuleCore core;
    private final ModelFacts model;

    ReadCommand(ModuleCore core) {
        this.core = core;
        this.model = core.model;
    }

    void register(Map<String, CommandHandler> handlers) {
        handlers.put("+MIPRD", this::read);
    }

    private Reply read(AtCommand command) {
        if (command.form() == AtCommand.Form.TEST) {
            return Reply.ok().line("+MIPRD: " + model.connectIds() + "," + model.receive().readLength());
        }
        if (command.form() != AtCommand.Form.SET) {
            throw AtError.plain();
        }
        List<AtCommand.Param> p = command.params();
        AtCommand.maxParams(p, 2);
        ConnectionSlot slot = core.slot(p, 0);
        if (slot.state == SlotState.INITIAL) {
            throw AtError.cme(ModuleErrorCode.TCPIP_NOT_CONNECTED.code());
        }
        ReceiveBuffer buffer = slot.buffer;
        if (p.size() == 1) {
            return Reply.ok().line("+MIPRD: " + slot.id + "," + (slot.isTcp() ? buffer.bytes() : buffer.count()));
        }
        Reply reply = Reply.ok();
        if (slot.isTcp()) {
            int wanted = AtCommand.integer(p, 1, model.receive().readLength());
            int total = wanted == 0 || wanted > buffer.bytes() ? buffer.bytes() : wanted;
            lines(slot, total).forEach(reply::line);
        } else {
            int wanted = AtCommand.integer(p, 1, ParamRange.of(0, model.receive().maxCachedPackets()));
            int count = wanted == 0 || wanted > buffer.count() ? buffer.count() : wanted;
            if (!model.receive().multiPacketRead()) {
                count = Math.min(count, 1);
            }
            packetLines(slot, count).forEach(reply::line);
        }
        return reply;
    }

    /** Takes {@code total} buffered TCP bytes as {@code +MIPRD:} lines and gives the flow-control credit back. */
    List<byte[]> lines(ConnectionSlot slot, int total) {
        ReceiveBuffer buffer = slot.buffer;
        List<byte[]> blocks;
        if (core.firmware.segmentedReads()) {
            blocks = buffer.takeSegments(total);
        } else {
            blocks = new ArrayList<>();
            int perLine = model.receive().readLength().max();
            for (int left = total; left > 0; ) {
                byte[] block = buffer.takeBytes(Math.min(perLine, left));
                blocks.add(block);
                left -= block.length;
            }
        }
        List<byte[]> out = new ArrayList<>();
        int remaining = buffer.bytes() + total;
        for (byte[] block : blocks) {
            remaining -= block.length;
            out.add(line(slot, remaining, block));
        }
        if (slot.connection != null) {
            slot.connection.consumed(total);
        }
        return out;
    }

    List<byte[]> packetLines(ConnectionSlot slot, int count) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] packet = slot.buffer.takePacket();
            out.add(line(slot, slot.buffer.count(), packet));
        }
        return out;
    }

    /** Everything buffered, as AT+MIPMODE's switch to normal mode reports it. */
    List<byte[]> drain(ConnectionSlot slot) {
        return slot.isTcp() ? lines(slot, slot.buffer.bytes()) : packetLines(slot, slot.buffer.count());
    }

    private static byte[] line(ConnectionSlot slot, int unread, byte[] data) {
        return DataFormat.withData("+MIPRD: " + slot.id + "," + unread + "," + data.length + ",", data,
                slot.settings.recvFormat);
    }
}
