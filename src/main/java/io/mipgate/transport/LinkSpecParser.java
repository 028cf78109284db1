package io.mipgate.transport;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a link string into a {@link LinkSpec}. Every rejection names the module and the setting at fault, because
 * the person reading the message is an operator looking at a fleet configuration file, not at this code.
 */
final class LinkSpecParser {

    static final List<String> SCHEMES = List.of("serial", "tcp", "emulator");

    private static final List<String> SERIAL_OPTIONS = List.of("baud", "dataBits", "parity", "stopBits", "flowControl");
    private static final List<String> TCP_OPTIONS = List.of("connectTimeoutMs", "rfc2217", "baud");
    private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    // Real UARTs top out around 16 Mbaud; anything above is a typo (an extra zero), not a configuration.
    private static final int MAX_BAUD = 16_000_000;
    private static final int MAX_CONNECT_TIMEOUT_MS = 600_000;

    private final String moduleId;
    private final String text;

    private LinkSpecParser(String moduleId, String text) {
        this.moduleId = moduleId;
        this.text = text;
    }

    static LinkSpec parse(String moduleId, String text) {
        if (text == null || text.isBlank()) {
            throw new LinkConfigurationException(moduleId, "link", "is empty; expected one of "
                    + String.join(", ", SCHEMES.stream().map(s -> s + ":…").toList()));
        }
        return new LinkSpecParser(moduleId, text.strip()).parse();
    }

    private LinkSpec parse() {
        int colon = text.indexOf(':');
        String scheme = colon < 0 ? text : text.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = colon < 0 ? "" : text.substring(colon + 1);
        return switch (scheme) {
            case "serial" -> serial(rest);
            case "tcp" -> tcp(rest);
            case "emulator" -> emulator(rest);
            default -> throw fail("scheme", "unknown scheme '" + scheme + "' in \"" + text + "\"; accepted schemes: "
                    + String.join(", ", SCHEMES));
        };
    }

    private LinkSpec.Serial serial(String rest) {
        int query = rest.indexOf('?');
        String device = query < 0 ? rest : rest.substring(0, query);
        if (device.startsWith("//")) {
            device = device.substring(2); // serial:///dev/ttyUSB0, the URI spelling
        }
        if (device.isEmpty()) {
            throw fail("device", "no device path in \"" + text + "\"; expected e.g. serial:/dev/ttyUSB2");
        }
        Map<String, String> options = options(query < 0 ? "" : rest.substring(query + 1), SERIAL_OPTIONS);
        int baud = LinkSpec.Serial.DEFAULT_BAUD;
        int dataBits = LinkSpec.Serial.DEFAULT_DATA_BITS;
        Parity parity = Parity.NONE;
        StopBits stopBits = StopBits.ONE;
        FlowControl flowControl = FlowControl.NONE;
        for (Map.Entry<String, String> option : options.entrySet()) {
            String value = option.getValue();
            switch (option.getKey()) {
                case "baud" -> baud = integer("baud", value, 1, MAX_BAUD);
                case "dataBits" -> dataBits = integer("dataBits", value, 5, 8);
                case "parity" -> parity = choice("parity", value, Parity.values(), Parity::option);
                case "stopBits" -> stopBits = choice("stopBits", value, StopBits.values(), StopBits::option);
                case "flowControl" -> flowControl = choice("flowControl", value, FlowControl.values(),
                        FlowControl::option);
                default -> throw new IllegalStateException(option.getKey()); // options() only returns known keys
            }
        }
        return new LinkSpec.Serial(device, baud, dataBits, parity, stopBits, flowControl);
    }

    private LinkSpec.Tcp tcp(String rest) {
        if (!rest.startsWith("//")) {
            throw fail("host", "expected tcp://host:port, got \"" + text + "\"");
        }
        int query = rest.indexOf('?');
        String authority = query < 0 ? rest.substring(2) : rest.substring(2, query);
        if (authority.endsWith("/")) {
            authority = authority.substring(0, authority.length() - 1);
        }
        if (authority.contains("/")) {
            throw fail("host", "a serial server link has no path: \"" + text + "\"; expected tcp://host:port");
        }
        String host;
        String port;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw fail("host", "unterminated IPv6 address in \"" + text + "\"");
            }
            host = authority.substring(1, close);
            String after = authority.substring(close + 1);
            port = after.startsWith(":") ? after.substring(1) : null;
        } else {
            int colon = authority.lastIndexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            port = colon < 0 ? null : authority.substring(colon + 1);
        }
        if (host.isEmpty()) {
            throw fail("host", "no host in \"" + text + "\"; expected tcp://host:port");
        }
        if (port == null || port.isEmpty()) {
            throw fail("port", "no port in \"" + text + "\"; expected tcp://host:port (ser2net often uses 2000+)");
        }
        int portNumber = integer("port", port, 1, 65_535);
        Map<String, String> options = options(query < 0 ? "" : rest.substring(query + 1), TCP_OPTIONS);
        Duration connectTimeout = LinkSpec.Tcp.DEFAULT_CONNECT_TIMEOUT;
        String timeout = options.get("connectTimeoutMs");
        if (timeout != null) {
            connectTimeout = Duration.ofMillis(integer("connectTimeoutMs", timeout, 1, MAX_CONNECT_TIMEOUT_MS));
        }
        boolean rfc2217 = Boolean.parseBoolean(choice("rfc2217", options.getOrDefault("rfc2217", "false"),
                new String[] {"true", "false"}, String::valueOf));
        String baud = options.get("baud");
        if (baud != null && !rfc2217) {
            throw fail("baud", "a raw serial server keeps the rate it was configured with; set it there, or add"
                    + " rfc2217=true so the gateway can set it (ser2net: telnet(rfc2217))");
        }
        int rate = !rfc2217 ? 0 : baud == null ? LinkSpec.Serial.DEFAULT_BAUD : integer("baud", baud, 1, MAX_BAUD);
        return new LinkSpec.Tcp(host, portNumber, connectTimeout, rfc2217, rate);
    }

    private LinkSpec.Emulator emulator(String rest) {
        int query = rest.indexOf('?');
        String model = query < 0 ? rest : rest.substring(0, query);
        if (!MODEL.matcher(model).matches()) {
            throw fail("model", (model.isEmpty() ? "no model" : "invalid model '" + model + "'") + " in \"" + text
                    + "\"; expected e.g. emulator:ML307R");
        }
        return new LinkSpec.Emulator(model, options(query < 0 ? "" : rest.substring(query + 1), null));
    }

    /**
     * Splits {@code a=1&b=2}. Option names are matched case-insensitively and returned in their canonical spelling;
     * {@code accepted == null} means any name is allowed (the emulator validates its own).
     */
    private Map<String, String> options(String query, List<String> accepted) {
        Map<String, String> options = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return options;
        }
        for (String pair : query.split("&", -1)) {
            if (pair.isEmpty()) {
                continue; // a stray '&' is harmless
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            if (name.isEmpty()) {
                throw fail("option", "option without a name ('" + pair + "') in \"" + text + "\"");
            }
            String canonical = accepted == null ? name : canonicalName(name, accepted);
            if (equals < 0 || equals == pair.length() - 1) {
                throw fail(canonical, "option has no value in \"" + text + "\"; write " + canonical + "=<value>");
            }
            if (options.put(canonical, pair.substring(equals + 1)) != null) {
                throw fail(canonical, "option given twice in \"" + text + "\"");
            }
        }
        return options;
    }

    private String canonicalName(String name, List<String> accepted) {
        for (String candidate : accepted) {
            if (candidate.equalsIgnoreCase(name)) {
                return candidate;
            }
        }
        throw fail(name, "unknown option in \"" + text + "\"; accepted options: " + String.join(", ", accepted));
    }

    private int integer(String setting, String value, int min, int max) {
        int parsed;
        try {
            parsed = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw fail(setting, "'" + value + "' is not a whole number (expected " + min + "…" + max + ")");
        }
        if (parsed < min || parsed > max) {
            throw fail(setting, parsed + " is out of range (expected " + min + "…" + max + ")");
        }
        return parsed;
    }

    private <E> E choice(String setting, String value, E[] values,
                                         java.util.function.Function<E, String> spelling) {
        for (E candidate : values) {
            if (spelling.apply(candidate).equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        throw fail(setting, "'" + value + "' is not one of "
                + String.join(", ", java.util.Arrays.stream(values).map(spelling).toList()));
    }

    private LinkConfigurationException fail(String setting, String problem) {
        return new LinkConfigurationException(moduleId, setting, problem);
    }
}
