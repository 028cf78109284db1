package io.mipgate.emulator;

import io.mipgate.domain.AccessMode;
import io.mipgate.domain.ModuleErrorCode;
import io.mipgate.emulator.model.AllFamilies;
import io.mipgate.emulator.model.ModelFacts;
import io.mipgate.emulator.model.ParamRange;
import java.util.List;
import java.util.Map;

/** AT+MIPSTATE, AT+MIPSACK and AT+MIPMODE. */
final class StatusCommands {

    private static final ParamRange ACCESS_MODES = ParamRange.of(0, 3);

    private final ModuleCore core;
    private final ModelFacts model;
    private final ReadCommand reader;

    StatusCommands(ModuleCore core) {
        this.core = core;
        this.model = core.model;
        this.reader = new ReadCommand(core);
    }

    void register(Map<String, CommandHandler> handlers) {
        handlers.put("+MIPSTATE", this::state);
        handlers.put("+MIPMODE", this::mode);
        if (model.sack()) {
            handlers.put("+MIPSACK", this::sack);
        }
    }

    private Reply state(AtCommand command) {
        Reply reply = Reply.ok();
        switch (command.form()) {
            case READ -> {
                for (ConnectionSlot slot : core.state().slots) {
                    reply.line(stateLine(slot));
                }
            }
            case SET -> {
                AtCommand.maxParams(command.params(), 1);
                reply.line(stateLine(core.slot(command.params(), 0)));
            }
            default -> throw AtError.plain();
        }
        return reply;
    }

    private static String stateLine(ConnectionSlot slot) {
        if (slot.state == SlotState.INITIAL) {
            return "+MIPSTATE: " + slot.id + ",,,," + slot.state.wire();
        }
        return "+MIPSTATE: " + slot.id + ",\"" + slot.protocol + "\",\"" + slot.address + "\"," + slot.remotePort
                + "," + slot.state.wire();
    }

    private Reply sack(AtCommand command) {
        if (command.form() == AtCommand.Form.TEST) {
            return Reply.ok().line("+MIPSACK: " + model.connectIds());
        }
        if (command.form() != AtCommand.Form.SET) {
            throw AtError.plain();
        }
        AtCommand.maxParams(command.params(), 1);
        ConnectionSlot slot = core.slot(command.params(), 0);
        if (slot.state != SlotState.CONNECTED && slot.state != SlotState.CLOSED) {
            throw AtError.cme(ModuleErrorCode.TCPIP_NOT_CONNECTED.code());
        }
        // TCP "acked" counts bytes handed to and flushed into the host's stack: the JDK does not expose peer ACKs.
        long acked = slot.isTcp() ? slot.acked : 0;
        return Reply.ok().line("+MIPSACK: " + slot.sent + "," + acked + "," + (slot.sent - acked) + ","
                + slot.received);
    }

    private Reply mode(AtCommand command) {
        if (command.form() == AtCommand.Form.TEST) {
            return Reply.ok().line("+MIPMODE: " + model.connectIds() + "," + ACCESS_MODES + ","
                    + AllFamilies.PACKET_SIZE + "," + AllFamilies.WAITTM);
        }
        if (command.form() != AtCommand.Form.SET) {
            throw AtError.plain();
        }
        List<AtCommand.Param> p = command.params();
        AtCommand.maxParams(p, 4);
        ConnectionSlot slot = core.slot(p, 0);
        if (!slot.connected()) {
            throw AtError.cme(ModuleErrorCode.TCPIP_NOT_CONNECTED.code());
        }
        if (p.size() == 1) {
            return Reply.ok().line("+MIPMODE: " + slot.id + "," + slot.mode.code());
        }
        AccessMode mode = AccessMode.ofCode(AtCommand.integer(p, 1, ACCESS_MODES));
        if (!mode.allows(slot.protocol) || (mode == AccessMode.TRANSPARENT && !model.transparentMode())) {
            throw AtError.badParameters();
        }
        int packetSize = AtCommand.integer(p, 2, AllFamilies.PACKET_SIZE, slot.packetSize);
        int waittm = AtCommand.integer(p, 3, AllFamilies.WAITTM, slot.waittm);
        slot.packetSize = packetSize;
        if (model.family().isNb()) {
            slot.waittm = waittm; // Cat.1: <waittm> accepted but not configurable (fn 31)
        }
        Reply reply = Reply.ok();
        AccessMode previous = slot.mode;
        if (previous.isBuffered() && mode == AccessMode.NORMAL) {
            reader.drain(slot).forEach(reply::line);
        }
        slot.mode = mode;
        slot.connection.creditLimit(OpenCloseCommands.creditFor(slot, model));
        if (mode == AccessMode.TRANSPARENT) {
            byte[] held = slot.isTcp() ? slot.buffer.takeBytes(slot.buffer.bytes()) : new byte[0];
            reply.trailer(ModuleOutput.frame("CONNECT")).then(() -> {
                core.enterTransparent(slot);
                if (held.length > 0) {
                    core.out.write(held);
                    slot.connection.consumed(held.length);
                }
            });
        }
        return reply;
    }
}
