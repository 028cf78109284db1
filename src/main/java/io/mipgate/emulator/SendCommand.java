package io.mipgate.emulator;

import io.mipgate.domain.SendFormat;
import io.mipgate.emulator.model.AllFamilies;
import io.mipgate.emulator.model.ModelFacts;
import io.mipgate.emulator.model.ParamRange;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * AT+MIPSEND in every form (AT-REFERENCE 2.5.1): A inline (ASCII / HEX / escaped, length rule on the typed string),
 * B prompt with length, C/D prompt without length (Cat.1), and the empty UDP datagram where the model has it.
 */
final class SendCommand {

    /** ML307 prompt bytes: CR LF {@code >} CR LF (FIELD §7.2). */
    static final byte[] PROMPT = {'\r', '\n', '>', '\r', '\n'};
    private static final ParamRange ANY_LENGTH = ParamRange.of(0, 8192);

    private final ModuleCore core;
    private final ModelFacts model;

    SendCommand(ModuleCore core) {
        this.core = core;
        this.model = core.model;
    }

    void register(Map<String, CommandHandler> handlers) {
        handlers.put("+MIPSEND", this::send);
    }

    private Reply send(AtCommand command) {
        if (command.form() == AtCommand.Form.TEST) {
            String tail = model.send().seq() ? ",," + AllFamilies.RAI + "," + AllFamilies.SEQ : "";
            return Reply.ok().line("+MIPSEND: " + model.connectIds() + "," + AllFamilies.INLINE_SEND_LENGTH + tail);
        }
        if (command.form() != AtCommand.Form.SET) {
            throw AtError.plain();
        }
        String args = command.args();
        int comma = args.indexOf(',');
        ConnectionSlot slot = core.slot(List.of(new AtCommand.Param(
                (comma < 0 ? args : args.substring(0, comma)).strip(), false)), 0);
        List<AtCommand.Param> p = AtCommand.split(args, slot.settings.sendFormat == SendFormat.ESCAPED);
        AtCommand.maxParams(p, 6);
        if (!slot.connected()) {
            throw AtError.cme(core.firmware.sendOnClosedError());
        }
        if (p.size() == 1) {
            return unspecifiedPrompt(slot);
        }
        if (p.size() == 2) {
            int length = AtCommand.integer(p, 1, ANY_LENGTH);
            if (length > 0) {
                if (length > model.send().promptMaxLength()) {
                    throw AtError.badParameters();
                }
                return prompt(slot, length);
            }
            if (model.send().unspecifiedLengthPrompt()) {
                return unspecifiedPrompt(slot);
            }
            if (model.send().udpEmptyPacket() && !slot.isTcp()) {
                return transmitted(slot, new byte[0]);
            }
            throw AtError.badParameters();
        }
        return inline(slot, p);
    }

    private Reply inline(ConnectionSlot slot, List<AtCommand.Param> p) {
        int length = AtCommand.integer(p, 1, AllFamilies.INLINE_SEND_LENGTH, 0);
        String typed = p.get(2).text();
        SendFormat format = slot.settings.sendFormat;
        if (length > 0 && typed.length() != (format == SendFormat.HEX ? 2 * length : length)) {
            throw AtError.badParameters();
        }
        byte[] data = switch (format) {
            case ASCII -> typed.getBytes(StandardCharsets.ISO_8859_1);
            case HEX -> DataFormat.unhex(typed);
            case ESCAPED -> DataFormat.unescape(typed);
        };
        if (data.length == 0 || data.length > AllFamilies.INLINE_SEND_LENGTH.max()) {
            throw AtError.badParameters();
        }
        if (AtCommand.present(p, 3)) {
            AtCommand.integer(p, 3, AllFamilies.RAI);
            if (!(slot.isTcp() ? model.send().raiOnTcp() : model.send().raiOnUdp())) {
                throw AtError.badParameters();
            }
        }
        Integer seq = null;
        if (AtCommand.present(p, 4)) {
            seq = AtCommand.integer(p, 4, AllFamilies.SEQ);
            if (!model.send().seq() || slot.isTcp()) {
                throw AtError.badParameters();
            }
        }
        if (AtCommand.present(p, 5)) {
            throw AtError.badParameters(); // <pri_flag>: "setting not supported yet" on every model (fn 24)
        }
        Reply reply = transmitted(slot, data);
        if (seq != null) {
            String urc = "+MIPURC: \"seq\"," + slot.id + "," + seq + ",0";
            reply.then(() -> core.out.urc(urc));
        }
        return reply;
    }

    private Reply transmitted(ConnectionSlot slot, byte[] data) {
        slot.sent += data.length;
        slot.connection.send(data);
        return core.reports.sent(slot.id, data.length);
    }

    private Reply unspecifiedPrompt(ConnectionSlot slot) {
        if (!model.send().unspecifiedLengthPrompt()) {
            throw AtError.badParameters();
        }
        return prompt(slot, 0);
    }

    private Reply prompt(ConnectionSlot slot, int length) {
        Duration timeout = Duration.ofSeconds(slot.settings.sendTimeoutSeconds);
        core.switchInput(new PromptInput(core, length, timeout, data -> complete(slot, data)));
        return Reply.none().trailer(PROMPT);
    }

    private void complete(ConnectionSlot slot, byte[] data) {
        if (!slot.connected()) {
            core.answer(core.reports.sendFailed(slot.id, AtError.cme(core.firmware.sendOnClosedError())));
            return;
        }
        core.answer(transmitted(slot, data));
    }
}
