package io.mipgate.emulator;

import static io.mipgate.domain.MipCfgOption.ACKMODE;
import static io.mipgate.domain.MipCfgOption.AUTOFREE;
import static io.mipgate.domain.MipCfgOption.CID;
import static io.mipgate.domain.MipCfgOption.ENCODING;
import static io.mipgate.domain.MipCfgOption.RCVBUF;
import static io.mipgate.domain.MipCfgOption.SSL;
import static io.mipgate.domain.MipCfgOption.TIMEOUT;

import io.mipgate.domain.MipCfgOption;
import io.mipgate.domain.ModuleErrorCode;
import io.mipgate.domain.RecvFormat;
import io.mipgate.domain.SendFormat;
import io.mipgate.emulator.model.AllFamilies;
import io.mipgate.emulator.model.ModelFacts;
import io.mipgate.emulator.model.ParamRange;
import java.util.List;
import java.util.Map;

/** AT+MIPCFG (all options, query-all / query-one / set) and AT+MIPTKA. */
final class ConfigCommands {

    private static final ParamRange BIT = ParamRange.of(0, 1);
    /** Manual order of the options (AT-REFERENCE 2.1.1). */
    private static final List<MipCfgOption> MANUAL_ORDER = List.of(CID, ENCODING, TIMEOUT, AUTOFREE,
            MipCfgOption.SNDBUF, RCVBUF, ACKMODE, SSL);
    /** Order of the ML307 capture (FIELD-NOTES §9). */
    private static final List<MipCfgOption> FIELD_ORDER = List.of(CID, ENCODING, TIMEOUT, RCVBUF, AUTOFREE,
            ACKMODE, SSL);

    private final ModuleCore core;
    private final ModelFacts model;

    ConfigCommands(ModuleCore core) {
        this.core = core;
        this.model = core.model;
    }

    void register(Map<String, CommandHandler> handlers) {
        handlers.put("+MIPCFG", this::mipcfg);
        handlers.put("+MIPTKA", this::miptka);
    }

    // ------------------------------------------------------------------ AT+MIPCFG

    private Reply mipcfg(AtCommand command) {
        return switch (command.form()) {
            case TEST -> test();
            case SET -> set(command.params());
            default -> throw AtError.plain();
        };
    }

    private Reply test() {
        Reply reply = Reply.ok();
        boolean field = core.firmware.fieldMipcfgTest() && !model.family().isNb();
        String ids = model.connectIds().toString();
        for (MipCfgOption option : field ? FIELD_ORDER : MANUAL_ORDER) {
            if (!model.supports(option)) {
                continue;
            }
            String values = switch (option) {
                case CID -> AllFamilies.PDP_CID.toString();
                case ENCODING -> "(0-2),(0-1)";
                case TIMEOUT -> model.send().sendTimeout().orElseThrow().toString();
                case AUTOFREE, ACKMODE -> BIT.toString();
                case SNDBUF -> AllFamilies.SEND_BUFFER.toString();
                case RCVBUF -> field ? "(1460-65536)" : model.receive().udpRcvbuf().orElseThrow().toString();
                case SSL -> BIT + "," + AllFamilies.SSL_ID;
            };
            reply.line("+MIPCFG: \"" + option.wireName() + "\"," + ids + "," + values);
        }
        return reply;
    }

    private Reply set(List<AtCommand.Param> p) {
        MipCfgOption option;
        try {
            option = MipCfgOption.ofWireName(AtCommand.selector(p, 0));
        } catch (IllegalArgumentException e) {
            throw AtError.badParameters();
        }
        if (!model.supports(option)) {
            throw AtError.badParameters();
        }
        if (p.size() == 1) {
            Reply reply = Reply.ok();
            for (ConnectionSlot slot : core.state().slots) {
                reply.line(query(option, slot));
            }
            return reply;
        }
        ConnectionSlot slot = core.slot(p, 1);
        if (p.size() == 2) {
            return Reply.ok().line(query(option, slot));
        }
        SlotSettings s = slot.settings;
        switch (option) {
            case CID -> {
                AtCommand.maxParams(p, 3);
                int cid = AtCommand.integer(p, 2, AllFamilies.PDP_CID);
                DataCallCommands.requireActive(core, cid);
                s.cid = cid;
            }
            case ENCODING -> {
                AtCommand.maxParams(p, 4);
                int send = AtCommand.integer(p, 2, ParamRange.of(0, 2));
                int recv = AtCommand.integer(p, 3, BIT);
                s.sendFormat = SendFormat.ofCode(send);
                s.recvFormat = RecvFormat.ofCode(recv);
            }
            case TIMEOUT -> {
                AtCommand.maxParams(p, 3);
                s.sendTimeoutSeconds = AtCommand.integer(p, 2, model.send().sendTimeout().orElseThrow());
            }
            case AUTOFREE -> {
                AtCommand.maxParams(p, 3);
                s.autofree = AtCommand.integer(p, 2, BIT);
            }
            case RCVBUF -> {
                AtCommand.maxParams(p, 3);
                int value = AtCommand.integer(p, 2, model.receive().udpRcvbuf().orElseThrow());
                if (slot.state != SlotState.INITIAL) {
                    // "set before the connection is established" (AT-REFERENCE 2.1.1); the code is the one field
                    // firmware gives for configuring an id in use (FIELD §3: AT+MIPTKA on a connected id)
                    throw AtError.cme(ModuleErrorCode.TCPIP_ALREADY_IN_USE.code());
                }
                s.rcvbuf = value;
            }
            case ACKMODE -> {
                AtCommand.maxParams(p, 3);
                s.ackmode = AtCommand.integer(p, 2, BIT);
            }
            case SSL -> {
                AtCommand.maxParams(p, 4);
                int enable = AtCommand.integer(p, 2, BIT);
                int id = AtCommand.integer(p, 3, AllFamilies.SSL_ID);
                s.sslEnable = enable;
                s.sslId = id;
            }
            default -> throw AtError.badParameters();
        }
        return Reply.ok();
    }

    private static String query(MipCfgOption option, ConnectionSlot slot) {
        SlotSettings s = slot.settings;
        String values = switch (option) {
            case CID -> s.cid == null ? "" : "," + s.cid;
            case ENCODING -> "," + s.sendFormat.code() + "," + s.recvFormat.code();
            case TIMEOUT -> "," + s.sendTimeoutSeconds;
            case AUTOFREE -> "," + s.autofree;
            case SNDBUF -> "," + AllFamilies.SEND_BUFFER_DEFAULT;
            case RCVBUF -> "," + s.rcvbuf;
            case ACKMODE -> "," + s.ackmode;
            case SSL -> "," + s.sslEnable + "," + s.sslId;
        };
        return "+MIPCFG: \"" + option.wireName() + "\"," + slot.id + values;
    }

    // ------------------------------------------------------------------ AT+MIPTKA

    private Reply miptka(AtCommand command) {
        return switch (command.form()) {
            case TEST -> Reply.ok().line("+MIPTKA: " + model.connectIds() + "," + BIT + "," + AllFamilies.KEEPIDLE
                    + "," + AllFamilies.KEEPINTERVAL + "," + AllFamilies.KEEPCOUNT);
            case READ -> {
                Reply reply = Reply.ok();
                for (ConnectionSlot slot : core.state().slots) {
                    reply.line(keepAliveLine(slot));
                }
                yield reply;
            }
            case SET -> setKeepAlive(command.params());
            default -> throw AtError.plain();
        };
    }

    private Reply setKeepAlive(List<AtCommand.Param> p) {
        AtCommand.maxParams(p, 5);
        ConnectionSlot slot = core.slot(p, 0);
        if (p.size() == 1) {
            return Reply.ok().line(keepAliveLine(slot));
        }
        if (slot.protocol != null && !slot.isTcp()) {
            throw AtError.badParameters(); // keep-alive cannot be set on a UDP socket
        }
        SlotSettings s = slot.settings;
        boolean on = AtCommand.integer(p, 1, BIT) == 1;
        int idle = AtCommand.integer(p, 2, AllFamilies.KEEPIDLE, s.keepIdle);
        int interval = AtCommand.integer(p, 3, AllFamilies.KEEPINTERVAL, s.keepInterval);
        int count = AtCommand.integer(p, 4, AllFamilies.KEEPCOUNT, s.keepCount);
        s.keepAlive = on;
        s.keepIdle = idle;
        s.keepInterval = interval;
        s.keepCount = count;
        if (slot.connected()) {
            slot.connection.applyKeepAlive(s);
        }
        return Reply.ok();
    }

    private static String keepAliveLine(ConnectionSlot slot) {
        SlotSettings s = slot.settings;
        return "+MIPTKA: " + slot.id + (s.keepAlive
                ? ",1," + s.keepIdle + "," + s.keepInterval + "," + s.keepCount
                : ",0");
    }
}
