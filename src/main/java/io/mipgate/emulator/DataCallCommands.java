package io.mipgate.emulator;

import io.mipgate.domain.ModuleErrorCode;
import io.mipgate.emulator.model.ParamRange;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The data call of PDP context 1 (FIELD-NOTES §5, outside the TCP/IP manual): AT+MIPCALL, AT+CGACT, AT+CGPADDR and
 * AT+CGDCONT. The module activates the context itself at boot (configurable); while it is down no socket, lookup or
 * ping can start (570), and losing it ends every connection with {@code "disconn"} state 3 (FIELD-NOTES §8.3).
 */
final class DataCallCommands {

    /** The one context the virtual module has; field firmware activates cid 1 (FIELD §5). */
    static final int CID = 1;
    private static final ParamRange OPERATION = ParamRange.of(0, 1);
    private static final ParamRange CIDS = ParamRange.of(1, 15);
    private static final List<String> PDP_TYPES = List.of("IP", "IPV6", "IPV4V6");

    /** A context definition (AT+CGDCONT); {@code apn} empty: the SIM's, for context 1. */
    private record PdpContext(String type, String apn) {
    }

    private final ModuleCore core;
    /** Kept in NV: definitions survive reboots, as the real module's do. Context 1 ships defined (FIELD-NOTES §4). */
    private final Map<Integer, PdpContext> definitions = new TreeMap<>();

    DataCallCommands(ModuleCore core) {
        this.core = core;
        // as shipped: dual stack on Cat.1 (FIELD-NOTES §4 capture), IPv4 on the NB families
        definitions.put(CID, new PdpContext(core.model.family().isNb() ? "IP" : "IPV4V6", ""));
    }

    void register(Map<String, CommandHandler> handlers) {
        handlers.put("+MIPCALL", this::mipcall);
        handlers.put("+CGACT", this::cgact);
        handlers.put("+CGPADDR", this::cgpaddr);
        handlers.put("+CGDCONT", this::cgdcont);
    }

    /** Refuses work that needs the data call while context 1 is down. */
    static void requireActive(ModuleCore core) {
        if (!core.state().dataCallActive) {
            throw AtError.cme(ModuleErrorCode.PDP_NOT_ACTIVATED.code());
        }
    }

    /**
     * A {@code <cid>} the host names (AT+MIPCFG="cid", AT+MDNSGIP, AT+MPING) "must already be active" (AT-REFERENCE
     * 2.1.3, 2.11.2, 2.12.2); only context 1 carries the data call, so any other is not activated (570, the natural
     * code: the reference gives none).
     */
    static void requireActive(ModuleCore core, int cid) {
        if (cid != CID) {
            throw AtError.cme(ModuleErrorCode.PDP_NOT_ACTIVATED.code());
        }
        requireActive(core);
    }

    /** {@code +CME ERROR: 577} for an address literal of a family context 1 does not carry. */
    void requireFamily(String address) {
        String type = definitions.containsKey(CID) ? definitions.get(CID).type() : "IPV4V6";
        if (type.equals("IPV4V6") || !isLiteral(address)) {
            return;
        }
        boolean v6 = address.contains(":");
        if (v6 != type.equals("IPV6")) {
            throw AtError.cme(ModuleErrorCode.IP_VERSION_NOT_SUPPORTED.code());
        }
    }

    private static boolean isLiteral(String address) {
        return address.contains(":") || address.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    }

    /** The address the context has: the host's, since the virtual module's sockets are the host's. */
    private static String address() {
        return InetAddress.getLoopbackAddress().getHostAddress();
    }

    // ------------------------------------------------------------------ AT+MIPCALL

    private Reply mipcall(AtCommand command) {
        return switch (command.form()) {
            case TEST -> Reply.ok().line("+MIPCALL: " + OPERATION + "," + CIDS);
            // field: a bare OK while no context is up, else +MIPCALL: <cid>,1,"<ip>" (FIELD §5)
            case READ -> core.state().dataCallActive
                    ? Reply.ok().line("+MIPCALL: " + CID + ",1,\"" + address() + "\"") : Reply.ok();
            case SET -> {
                List<AtCommand.Param> p = command.params();
                AtCommand.maxParams(p, 2);
                int operation = AtCommand.integer(p, 0, OPERATION);
                if (!AtCommand.present(p, 1) || AtCommand.integer(p, 1, CIDS) != CID) {
                    throw AtError.plain(); // FIELD §5: a bare or cid-less AT+MIPCALL answers ERROR
                }
                if (operation == 1) {
                    if (core.state().dataCallActive) {
                        throw AtError.badParameters(); // FIELD §5: a redundant activation answers 50
                    }
                    activate();
                    yield Reply.ok();
                }
                if (!core.state().dataCallActive) {
                    throw AtError.cme(ModuleErrorCode.PDP_DEACTIVATION_FAILED.code()); // nothing to deactivate
                }
                yield deactivated();
            }
            default -> throw AtError.plain();
        };
    }

    // ------------------------------------------------------------------ 3GPP commands

    private Reply cgact(AtCommand command) {
        return switch (command.form()) {
            case TEST -> Reply.ok().line("+CGACT: " + OPERATION);
            case READ -> Reply.ok().line("+CGACT: " + CID + "," + (core.state().dataCallActive ? 1 : 0));
            case SET -> {
                List<AtCommand.Param> p = command.params();
                AtCommand.maxParams(p, 2);
                int state = AtCommand.integer(p, 0, OPERATION);
                if (AtCommand.present(p, 1) && AtCommand.integer(p, 1, CIDS) != CID) {
                    throw AtError.badParameters();
                }
                // 3GPP TS 27.007: asking for the state the context already has is not an error
                if (state == 1 && !core.state().dataCallActive) {
                    activate();
                } else if (state == 0 && core.state().dataCallActive) {
                    yield deactivated();
                }
                yield Reply.ok();
            }
            default -> throw AtError.plain();
        };
    }

    private Reply cgpaddr(AtCommand command) {
        if (command.form() == AtCommand.Form.SET) {
            AtCommand.maxParams(command.params(), 1);
            if (AtCommand.integer(command.params(), 0, CIDS) != CID) {
                return Reply.ok();
            }
        } else if (command.form() != AtCommand.Form.EXEC) {
            throw AtError.plain();
        }
        // FIELD §5: with no context active AT+CGPADDR answers just OK
        return core.state().dataCallActive ? Reply.ok().line("+CGPADDR: " + CID + ",\"" + address() + "\"")
                : Reply.ok();
    }

    private Reply cgdcont(AtCommand command) {
        return switch (command.form()) {
            case TEST -> Reply.ok().line("+CGDCONT: " + CIDS + ",\"IP\",,,(0-2),(0-4)")
                    .line("+CGDCONT: " + CIDS + ",\"IPV6\",,,(0-2),(0-4)")
                    .line("+CGDCONT: " + CIDS + ",\"IPV4V6\",,,(0-2),(0-4)");
            case READ -> {
                Reply reply = Reply.ok();
                // the shape of FIELD §4: a run of empty trailing fields
                definitions.forEach((cid, context) -> reply.line("+CGDCONT: " + cid + ",\"" + context.type() + "\",\""
                        + (cid == CID ? nullToEmpty(apn()) : context.apn()) + "\",,0,0,,,,"));
                yield reply;
            }
            case SET -> {
                List<AtCommand.Param> p = command.params();
                AtCommand.maxParams(p, 3);
                int cid = AtCommand.integer(p, 0, CIDS);
                if (cid == CID && core.state().dataCallActive) {
                    throw AtError.cme(ModuleErrorCode.OPERATION_NOT_ALLOWED.code()); // not while the context is up
                }
                if (p.size() == 1) {
                    definitions.remove(cid); // 3GPP TS 27.007 §10.1.1: the cid alone undefines the context
                    yield Reply.ok();
                }
                String type = AtCommand.present(p, 1) ? AtCommand.string(p, 1) : "IPV4V6";
                if (!PDP_TYPES.contains(type)) {
                    throw AtError.badParameters();
                }
                definitions.put(cid, new PdpContext(type, AtCommand.present(p, 2) ? AtCommand.string(p, 2) : ""));
                yield Reply.ok();
            }
            default -> throw AtError.plain();
        };
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    // ------------------------------------------------------------------ state changes

    /** Context 1's APN: the defined one, else the SIM's (null when neither has one). */
    private String apn() {
        PdpContext context = definitions.get(CID);
        String configured = context == null ? "" : context.apn();
        return !configured.isEmpty() ? configured : core.config.simApn();
    }

    private void activate() {
        if (core.faults.networkLost() || !core.registered()) {
            throw AtError.cme(ModuleErrorCode.PDP_ACTIVATION_FAILED.code());
        }
        if (apn() == null) {
            throw AtError.cme(ModuleErrorCode.APN_NOT_CONFIGURED.code());
        }
        core.state().dataCallActive = true;
    }

    /** {@code OK} first, then the {@code "disconn"} reports of the connections the context took with it. */
    private Reply deactivated() {
        return Reply.ok().then(core::dataCallLost);
    }
}
