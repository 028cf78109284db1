package io.mipgate.at.decode;

import io.mipgate.domain.AccessMode;
import io.mipgate.domain.DnsCfgOption;
import io.mipgate.domain.MipCfgOption;
import io.mipgate.domain.Protocol;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An information line of the command in flight: a {@code +XXX:} line whose prefix the current
 * {@link ResponseExpectation} names, or a bare text line when it asks for text. Two kinds are decoded whatever the
 * expectation says because they never mean anything else: {@link MipSendLine} (it may follow the {@code OK}) and
 * {@link MipRdDataLine} (counted data must never be lost; AT+MIPMODE flushes buffers in this form).
 */
public sealed interface Information extends AtEvent {

    /** {@code +MIPSTATE: <id>,<type>,<address>,<port>,<state>}; type, address and port are null for an idle id. */
    record MipStateLine(int id, Protocol protocolOrNull, String address, Integer port, String state)
            implements Information {
        public MipStateLine {
            Objects.requireNonNull(state, "state");
        }
    }

    /** {@code +MIPSACK: <sent>,<acked>,<nack>,<received>} (the 4-field reading, AT-REFERENCE §6 #4). */
    record MipSackLine(long sent, long acked, long nack, long received) implements Information {
    }

    /** {@code +MIPRD: <id>,<unread>}: the query form of AT+MIPRD. */
    record MipRdQueryLine(int id, int unread) implements Information {
    }

    /** {@code +MIPRD: <id>,<unread>,<len>,<data>} with the data decoded (HEX undone, quotes removed). */
    record MipRdDataLine(int id, int unread, byte[] data) implements Information {
        public MipRdDataLine {
            Objects.requireNonNull(data, "data");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof MipRdDataLine that && id == that.id && unread == that.unread
                    && Arrays.equals(data, that.data);
        }

        @Override
        public int hashCode() {
            return (31 * id + unread) * 31 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "MipRdDataLine[id=" + id + ", unread=" + unread + ", data=" + data.length + " bytes]";
        }
    }

    /** {@code +MIPCFG: "<option>",<id>[,<values>...]}, values unquoted. */
    record MipCfgLine(MipCfgOption option, int id, List<String> values) implements Information {
        public MipCfgLine {
            Objects.requireNonNull(option, "option");
            values = List.copyOf(values);
        }
    }

    /** {@code +MIPTKA: <id>,<keepalive>[,<idle>,<interval>,<count>]}; the last three are null when absent. */
    record MipTkaLine(int id, boolean keepAlive, Integer idle, Integer interval, Integer count)
            implements Information {
    }

    /** {@code +MIPMODE: <id>,<access_mode>}. */
    record MipModeLine(int id, AccessMode mode) implements Information {
        public MipModeLine {
            Objects.requireNonNull(mode, "mode");
        }
    }

    /** {@code +MDNSCFG: "<option>",<values>...}, values unquoted, empty fields kept as "". */
    record MdnsCfgLine(DnsCfgOption option, List<String> values) implements Information {
        public MdnsCfgLine {
            Objects.requireNonNull(option, "option");
            values = List.copyOf(values);
        }
    }

    /** {@code +MIPSEND: <id>,<len>}: the data reached the module's stack buffer. */
    record MipSendLine(int id, int length) implements Information {
    }

    /**
     * A test-command answer ({@code AT+XXX=?}): range lists such as {@code (0-5)} kept as printed (trimmed), strings
     * unquoted, empty fields as "".
     */
    record TestLine(String prefix, List<String> fields) implements Information {
        public TestLine {
            Objects.requireNonNull(prefix, "prefix");
            fields = List.copyOf(fields);
        }
    }

    /** A bare line (ATI, AT+CGMR, AT+CGSN) while the expectation asks for text lines. */
    record TextLine(String text) implements Information {
        public TextLine {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Any other expected {@code +XXX:} line, e.g. {@code +CGSN: 8612...}; fields unquoted. */
    record GenericInfo(String prefix, List<String> fields) implements Information {
        public GenericInfo {
            Objects.requireNonNull(prefix, "prefix");
            fields = List.copyOf(fields);
        }
    }
}
