package io.mipgate.at.decode;

import io.mipgate.domain.AccessMode;
import io.mipgate.domain.DnsCfgOption;
import io.mipgate.domain.MipCfgOption;
import io.mipgate.domain.Protocol;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The grammar of the small, non-data lines: final results, prompts aside, information lines and URCs. Whether a
 * {@code +XXX:} line is a response or a URC is decided here, from its shape and the expectation (STYLE §4).
 */
final class LineInterpreter {

    private static final String[] ERROR_PREFIXES = {"+CME ERROR:", "+CMS ERROR:", "+CIS ERROR:"};
    /** Prefixes with a typed meaning of their own whatever the expectation: a damaged one is discarded. */
    private static final Set<String> URC_PREFIXES = Set.of("+MIPOPEN", "+MIPCLOSE", "+MDNSGIP", "+MPING", "+MNTP",
            "+MIPSEND");

    /**
     * @param line     the line, trimmed, not empty
     * @param length   its length on the wire, for {@link AtEvent.Discarded}
     * @param expected the expectation of the command in flight, or null
     */
    AtEvent interpret(String line, int length, ResponseExpectation expected) {
        switch (line) {
            case "OK":
                return new FinalResult.Ok();
            case "ERROR":
                return new FinalResult.Error();
            case "CONNECT":
                return new AtEvent.Connect();
            case "+MATREADY":
                return new Urc.ModuleReady();
            case "REBOOTING":
                return new Urc.Rebooting();
            default:
                break;
        }
        for (int k = 0; k < ERROR_PREFIXES.length; k++) {
            if (line.startsWith(ERROR_PREFIXES[k])) {
                return cmeError(FinalResult.CmeError.Kind.values()[k], line.substring(ERROR_PREFIXES[k].length()));
            }
        }
        if (line.startsWith("CONNECT ")) {
            return new AtEvent.Connect();
        }
        if (line.regionMatches(true, 0, "AT", 0, 2)) {
            return new AtEvent.Echo(line);
        }
        if (line.charAt(0) == '+') {
            return prefixed(line, length, expected);
        }
        if (expected != null && expected.textLines()) {
            return new Information.TextLine(line);
        }
        return new AtEvent.Discarded(length, "unexpected text");
    }

    private static FinalResult.CmeError cmeError(FinalResult.CmeError.Kind kind, String rest) {
        String text = rest.strip();
        Integer code = Fields.integer(text);
        return new FinalResult.CmeError(kind, code == null ? OptionalInt.empty() : OptionalInt.of(code), text);
    }

    private AtEvent prefixed(String line, int length, ResponseExpectation expected) {
        int colon = line.indexOf(':');
        String prefix = colon < 0 ? line : line.substring(0, colon);
        if (!isPrefix(prefix)) {
            return new AtEvent.Discarded(length, "malformed line");
        }
        if (colon < 0) {
            return new Urc.OtherUrc(prefix, line);
        }
        List<String> fields = Fields.split(line.substring(colon + 1));
        boolean isExpected = expected != null && expected.expects(prefix);
        boolean testShape = Fields.looksLikeTest(fields);
        if (isExpected && testShape) {
            return new Information.TestLine(prefix, Fields.unquoteAll(fields));
        }
        AtEvent urc = switch (prefix) {
            case "+MIPOPEN" -> mipOpen(fields);
            case "+MIPCLOSE" -> mipClose(fields);
            case "+MDNSGIP" -> dnsResult(fields);
            case "+MPING" -> ping(fields);
            case "+MNTP" -> ntp(fields);
            case "+MIPSEND" -> mipSend(fields);
            default -> null;
        };
        if (urc != null) {
            return urc; // a URC shape wins even inside a response that expects the same prefix
        }
        if (isExpected && expected.isTestCommand()) {
            return new Information.TestLine(prefix, Fields.unquoteAll(fields));
        }
        if (!isExpected) {
            return URC_PREFIXES.contains(prefix) && !testShape
                    ? new AtEvent.Discarded(length, "malformed " + prefix)
                    : new Urc.OtherUrc(prefix, line);
        }
        AtEvent information = URC_PREFIXES.contains(prefix) ? null : information(prefix, fields);
        return information != null ? information : new AtEvent.Discarded(length, "malformed " + prefix);
    }

    private static boolean isPrefix(String prefix) {
        if (prefix.length() < 2) {
            return false;
        }
        for (int i = 1; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '&')) {
                return false;
            }
        }
        return true;
    }

    private static AtEvent information(String prefix, List<String> fields) {
        return switch (prefix) {
            case "+MIPSTATE" -> mipState(fields);
            case "+MIPSACK" -> mipSack(fields);
            case "+MIPRD" -> mipRdQuery(fields);
            case "+MIPCFG" -> mipCfg(prefix, fields);
            case "+MIPTKA" -> mipTka(fields);
            case "+MIPMODE" -> mipMode(fields);
            case "+MDNSCFG" -> mdnsCfg(prefix, fields);
            default -> new Information.GenericInfo(prefix, Fields.unquoteAll(fields));
        };
    }

    private static AtEvent mipOpen(List<String> fields) {
        int[] v = fields.size() == 2 ? Fields.integers(fields, 0) : null;
        return v == null ? null : new Urc.MipOpenResult(v[0], v[1]);
    }

    private static AtEvent mipClose(List<String> fields) {
        int[] v = fields.size() == 1 || fields.size() == 2 ? Fields.integers(fields, 0) : null;
        if (v == null) {
            return null;
        }
        return new Urc.MipCloseResult(v[0], v.length == 2 ? OptionalInt.of(v[1]) : OptionalInt.empty());
    }

    private static AtEvent dnsResult(List<String> fields) {
        if (fields.isEmpty() || fields.get(0).isEmpty()) {
            return null;
        }
        AtEvent legacy = legacyDnsResult(fields);
        if (legacy != null) {
            return legacy;
        }
        List<String> values = Fields.unquoteAll(fields);
        for (String value : values) {
            if (value.isEmpty()) {
                return null;
            }
        }
        return new Urc.DnsResult(values.get(0), values.subList(1, values.size()));
    }

    /**
     * The legacy ML302 / ML305 result (FIELD-NOTES §14): {@code 0,"<domain>","<ip>"...} on success, {@code 1,<err>}
     * on failure, which names no domain. A V5 domain is quoted or a host name, never a bare 0 or 1 followed by these.
     */
    private static AtEvent legacyDnsResult(List<String> fields) {
        Integer outcome = Fields.isQuoted(fields.get(0)) ? null : Fields.integer(fields.get(0));
        if (outcome == null || fields.size() < 2) {
            return null;
        }
        if (outcome == 0 && Fields.isQuoted(fields.get(1))) {
            List<String> values = Fields.unquoteAll(fields.subList(1, fields.size()));
            return values.contains("") ? null : new Urc.DnsResult(values.get(0), values.subList(1, values.size()));
        }
        if (outcome == 1 && fields.size() == 2 && Fields.integer(fields.get(1)) != null) {
            return new Urc.DnsResult("", List.of());
        }
        return null;
    }

    private static AtEvent ping(List<String> fields) {
        if (fields.size() == 6 && fields.get(0).equals("\"statistics\"")) {
            int[] v = Fields.integers(fields, 1);
            return v == null ? null : new Urc.PingStatistics(v[0], v[1], v[2], v[3], v[4]);
        }
        Integer result = fields.isEmpty() ? null : Fields.integer(fields.get(0));
        if (result == null) {
            return null;
        }
        if (fields.size() == 1) {
            return new Urc.PingReply(result, null, null, null, null);
        }
        int[] v = fields.size() == 5 ? Fields.integers(fields, 2) : null;
        if (v == null || fields.get(1).isEmpty()) {
            return null;
        }
        return new Urc.PingReply(result, Fields.unquote(fields.get(1)), v[0], v[1], v[2]);
    }

    private static AtEvent ntp(List<String> fields) {
        Integer result = fields.isEmpty() || fields.size() > 2 ? null : Fields.integer(fields.get(0));
        if (result == null) {
            return null;
        }
        return new Urc.NtpResult(result, fields.size() == 2 ? Fields.unquote(fields.get(1)) : null);
    }

    private static AtEvent mipSend(List<String> fields) {
        int[] v = fields.size() == 2 ? Fields.integers(fields, 0) : null;
        return v == null ? null : new Information.MipSendLine(v[0], v[1]);
    }

    private static AtEvent mipState(List<String> fields) {
        if (fields.size() != 5) {
            return null;
        }
        Integer id = Fields.integer(fields.get(0));
        String type = Fields.unquote(fields.get(1));
        String address = Fields.unquote(fields.get(2));
        String port = fields.get(3);
        String state = Fields.unquote(fields.get(4));
        Integer portNumber = port.isEmpty() ? null : Fields.integer(port);
        if (id == null || state.isEmpty() || (!port.isEmpty() && portNumber == null)
                || !(type.isEmpty() || type.equalsIgnoreCase("TCP") || type.equalsIgnoreCase("UDP"))) {
            return null;
        }
        Protocol protocol = type.isEmpty() ? null : Protocol.parse(type.toUpperCase());
        return new Information.MipStateLine(id, protocol, address.isEmpty() ? null : address, portNumber, state);
    }

    private static AtEvent mipSack(List<String> fields) {
        if (fields.size() != 4) {
            return null;
        }
        long[] v = new long[4];
        for (int i = 0; i < 4; i++) {
            Long value = Fields.longInteger(fields.get(i));
            if (value == null) {
                return null;
            }
            v[i] = value;
        }
        return new Information.MipSackLine(v[0], v[1], v[2], v[3]);
    }

    private static AtEvent mipRdQuery(List<String> fields) {
        int[] v = fields.size() == 2 ? Fields.integers(fields, 0) : null;
        return v == null ? null : new Information.MipRdQueryLine(v[0], v[1]);
    }

    private static AtEvent mipCfg(String prefix, List<String> fields) {
        if (fields.size() < 2 || !Fields.isQuoted(fields.get(0))) {
            return null;
        }
        Integer id = Fields.integer(fields.get(1));
        MipCfgOption option = cfgOption(Fields.unquote(fields.get(0)));
        if (option == null) {
            return new Information.GenericInfo(prefix, Fields.unquoteAll(fields));
        }
        if (id == null) {
            return null;
        }
        return new Information.MipCfgLine(option, id, Fields.unquoteAll(fields.subList(2, fields.size())));
    }

    private static MipCfgOption cfgOption(String name) {
        for (MipCfgOption option : MipCfgOption.values()) {
            if (option.wireName().equals(name)) {
                return option;
            }
        }
        return null;
    }

    private static AtEvent mipTka(List<String> fields) {
        int[] v = fields.size() == 2 || fields.size() == 5 ? Fields.integers(fields, 0) : null;
        if (v == null) {
            return null;
        }
        return v.length == 2
                ? new Information.MipTkaLine(v[0], v[1] != 0, null, null, null)
                : new Information.MipTkaLine(v[0], v[1] != 0, v[2], v[3], v[4]);
    }

    private static AtEvent mipMode(List<String> fields) {
        int[] v = fields.size() == 2 ? Fields.integers(fields, 0) : null;
        if (v == null || v[1] > 3) {
            return null;
        }
        return new Information.MipModeLine(v[0], AccessMode.ofCode(v[1]));
    }

    private static AtEvent mdnsCfg(String prefix, List<String> fields) {
        if (fields.isEmpty() || !Fields.isQuoted(fields.get(0))) {
            return null;
        }
        String name = Fields.unquote(fields.get(0));
        for (DnsCfgOption option : DnsCfgOption.values()) {
            if (option.wireName().equals(name)) {
                return new Information.MdnsCfgLine(option, Fields.unquoteAll(fields.subList(1, fields.size())));
            }
        }
        return new Information.GenericInfo(prefix, Fields.unquoteAll(fields));
    }
}
