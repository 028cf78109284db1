package io.mipgate.at.decode;

import io.mipgate.domain.Protocol;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/** Unsolicited result codes: decoded wherever they appear, including inside another command's response. */
public sealed interface Urc extends AtEvent {

    /** {@code +MIPOPEN: <id>,<result>}: 0 connected; NB series 1, Cat.1 an error code (550–582, 753, …) on failure. */
    record MipOpenResult(int id, int result) implements Urc {
    }

    /** {@code +MIPCLOSE: <id>[,<ret_code>]}. */
    record MipCloseResult(int id, OptionalInt retCode) implements Urc {
        public MipCloseResult {
            Objects.requireNonNull(retCode, "retCode");
        }
    }

    /** {@code +MIPURC: "disconn",<id>,<state>}: 1 peer closed, 2 connection error, 3 PDP deactivated. */
    record Disconnected(int id, int state) implements Urc {
    }

    /** {@code +MIPURC: "rtcp"|"rudp",<id>,<len>,<data>} in normal mode, data decoded. */
    record DataReceived(int id, Protocol protocol, byte[] data) implements Urc {
        public DataReceived {
            Objects.requireNonNull(protocol, "protocol");
            Objects.requireNonNull(data, "data");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof DataReceived that && id == that.id && protocol == that.protocol
                    && Arrays.equals(data, that.data);
        }

        @Override
        public int hashCode() {
            return (31 * id + protocol.hashCode()) * 31 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "DataReceived[id=" + id + ", protocol=" + protocol + ", data=" + data.length + " bytes]";
        }
    }

    /**
     * {@code +MIPURC: "rtcp",<id>,<received>,<total>} in stream-buffer mode, or {@code +MIPURC: "rtcp",<id>,<received>}
     * as field firmware sometimes cuts it short (FIELD-NOTES §4, §16).
     *
     * @param reportedTotal the buffered total, empty when the module left it out
     */
    record StreamBuffered(int id, int received, OptionalInt reportedTotal) implements Urc {

        public StreamBuffered {
            Objects.requireNonNull(reportedTotal, "reportedTotal");
        }

        public StreamBuffered(int id, int received, int total) {
            this(id, received, OptionalInt.of(total));
        }

        public static StreamBuffered withoutTotal(int id, int received) {
            return new StreamBuffered(id, received, OptionalInt.empty());
        }

        /** Bytes known to be buffered: the reported total, or at least what has just arrived. */
        public int total() {
            return reportedTotal.orElse(received);
        }
    }

    /** {@code +MIPURC: "rudp",<id>,<count>} in packet-buffer mode. */
    record PacketsBuffered(int id, int count) implements Urc {
    }

    /** {@code +MIPURC: "seq",<id>,<seq>,<result>}: UDP air-interface echo (NB series). */
    record SeqReport(int id, int seq, int result) implements Urc {
    }

    /** {@code +MIPURC: "ack",<id>,<length>}: the peer acknowledged this many bytes (ackmode 1). */
    record AckReport(int id, int length) implements Urc {
    }

    /** {@code +MIPURC: "drop",<id>,<length>}: received data thrown away by the module (buffer exhausted). */
    record DropReport(int id, int length) implements Urc {
    }

    /** {@code +MPING: <result>[,<ip>,<size>,<rtt>,<ttl>]}; the optional fields are null on failure. */
    record PingReply(int result, String ip, Integer size, Integer rttMs, Integer ttl) implements Urc {
    }

    /** {@code +MPING: "statistics",<sent>,<lost>,<rtt_min>,<rtt_max>,<rtt_avg>}. */
    record PingStatistics(int sent, int lost, int rttMin, int rttMax, int rttAvg) implements Urc {
    }

    /** {@code +MDNSGIP: <domain>[,<ip>...]}; no address = resolution failed. */
    record DnsResult(String domain, List<String> addresses) implements Urc {
        public DnsResult {
            Objects.requireNonNull(domain, "domain");
            addresses = List.copyOf(addresses);
        }

        public boolean failed() {
            return addresses.isEmpty();
        }
    }

    /** {@code +MNTP: <result>[,<time>]}; time null on failure. */
    record NtpResult(int result, String time) implements Urc {
    }

    /** {@code +MATREADY}: the AT interpreter is (again) ready; unsolicited later in a session it means a reboot. */
    record ModuleReady() implements Urc {
    }

    /** {@code REBOOTING}, printed after the OK of AT+MREBOOT. */
    record Rebooting() implements Urc {
    }

    /** Any {@code +XXX:} line the command in flight does not expect, e.g. {@code +CPIN: READY}, {@code +CEREG: 5}. */
    record OtherUrc(String prefix, String line) implements Urc {
        public OtherUrc {
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(line, "line");
        }
    }
}
