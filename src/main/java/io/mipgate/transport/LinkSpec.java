package io.mipgate.transport;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where a module's bytes come from, as parsed from its configured link string. Pure data: parsing never touches the
 * device, so a configuration can be validated before any hardware is present.
 *
 * <pre>
 * serial:/dev/ttyUSB2?baud=921600&amp;dataBits=8&amp;parity=none&amp;stopBits=1&amp;flowControl=none
 * tcp://10.0.0.7:4001?connectTimeoutMs=3000
 * tcp://10.0.0.7:4001?rfc2217=true&amp;baud=921600
 * emulator:ML307R?imei=869999000000001
 * </pre>
 */
public sealed interface LinkSpec permits LinkSpec.Serial, LinkSpec.Tcp, LinkSpec.Emulator {

    /** The scheme that selects the {@link LinkFactory}: {@code serial}, {@code tcp} or {@code emulator}. */
    String scheme();

    /**
     * Parses a link string.
     *
     * @param moduleId used only to make error messages point at the right module
     * @throws LinkConfigurationException naming the module and the offending setting
     */
    static LinkSpec parse(String moduleId, String text) {
        return LinkSpecParser.parse(moduleId, text);
    }

    /** The line rate the host's side of the link runs at, where the host sets one. */
    default OptionalInt rate() {
        return OptionalInt.empty();
    }

    /**
     * The same link at another line rate: what a link opened from it runs at. Empty where the host cannot set the
     * rate (an in-process peer, a serial server without RFC 2217); the rate is then whatever the far end has.
     */
    default Optional<LinkSpec> atRate(int baud) {
        return Optional.empty();
    }

    /** A local serial device driven through jSerialComm. */
    record Serial(String device, int baud, int dataBits, Parity parity, StopBits stopBits, FlowControl flowControl)
            implements LinkSpec {

        public static final int DEFAULT_BAUD = 115_200;
        public static final int DEFAULT_DATA_BITS = 8;

        public Serial {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(parity, "parity");
            Objects.requireNonNull(stopBits, "stopBits");
            Objects.requireNonNull(flowControl, "flowControl");
        }

        /** 115200 8N1 without flow control: what an untouched OneMO module answers at (FIELD-NOTES §13). */
        public static Serial withDefaults(String device) {
            return new Serial(device, DEFAULT_BAUD, DEFAULT_DATA_BITS, Parity.NONE, StopBits.ONE, FlowControl.NONE);
        }

        @Override
        public String scheme() {
            return "serial";
        }

        @Override
        public OptionalInt rate() {
            return OptionalInt.of(baud);
        }

        @Override
        public Optional<LinkSpec> atRate(int rate) {
            return Optional.of(new Serial(device, rate, dataBits, parity, stopBits, flowControl));
        }

        @Override
        public String toString() {
            return "serial:" + device + "?baud=" + baud + "&dataBits=" + dataBits + "&parity=" + parity.option()
                    + "&stopBits=" + stopBits.option() + "&flowControl=" + flowControl.option();
        }
    }

    /**
     * TCP to a serial device server (ser2net, Moxa NPort, socat): raw bytes, or with {@code rfc2217} Telnet with the
     * COM port option, through which the gateway sets the server's line rate to {@code baud}.
     *
     * @param baud the rate to set on the server's port; only with {@code rfc2217} (a raw server keeps its own)
     */
    record Tcp(String host, int port, Duration connectTimeout, boolean rfc2217, int baud) implements LinkSpec {

        public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

        public Tcp {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            if (!rfc2217 && baud != 0 || rfc2217 && baud <= 0) {
                throw new IllegalArgumentException("a rate is set on the serial server through RFC 2217, and only there: "
                        + "rfc2217=" + rfc2217 + ", baud=" + baud);
            }
        }

        /** Raw TCP: the server's port runs at whatever rate it was configured with. */
        public Tcp(String host, int port, Duration connectTimeout) {
            this(host, port, connectTimeout, false, 0);
        }

        @Override
        public String scheme() {
            return "tcp";
        }

        @Override
        public OptionalInt rate() {
            return rfc2217 ? OptionalInt.of(baud) : OptionalInt.empty();
        }

        @Override
        public Optional<LinkSpec> atRate(int rate) {
            return rfc2217 ? Optional.of(new Tcp(host, port, connectTimeout, true, rate)) : Optional.empty();
        }

        @Override
        public String toString() {
            String authority = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
            return "tcp://" + authority + ":" + port + "?connectTimeoutMs=" + connectTimeout.toMillis()
                    + (rfc2217 ? "&rfc2217=true&baud=" + baud : "");
        }
    }

    /**
     * A virtual module. Transport only carries the model and the options; the emulator package validates them in
     * the {@link LinkFactory} it registers, so this package never depends on it.
     */
    record Emulator(String model, Map<String, String> options) implements LinkSpec {

        public Emulator {
            Objects.requireNonNull(model, "model");
            options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        }

        @Override
        public String scheme() {
            return "emulator";
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder("emulator:").append(model);
            char separator = '?';
            for (Map.Entry<String, String> option : options.entrySet()) {
                text.append(separator).append(option.getKey()).append('=').append(option.getValue());
                separator = '&';
            }
            return text.toString();
        }
    }
}
