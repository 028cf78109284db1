package io.mipgate.at.command;

import io.mipgate.at.model.ModelProfile;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code AT+MPING=<host>[,<timeout>[,<ping_num>[,<packet_len>[,<cid>]]]]}: {@code OK}, then one {@code +MPING:} line
 * per echo and a {@code "statistics"} line when more than one was asked for (AT-REFERENCE §2.12).
 */
public record MPing(String host, Integer timeoutSeconds, Integer count, Integer packetLength, Integer cid)
        implements TcpIpForms.UrcResultForm {

    public MPing {
        Objects.requireNonNull(host, "host");
    }

    public static MPing of(String host) {
        return new MPing(host, null, null, null, null);
    }

    @Override
    public TcpIpCommand command() {
        return TcpIpCommand.MPING;
    }

    @Override
    public byte[] encode(ModelProfile profile) {
        Params.quotable("<host>", host, ModelProfile.HOST_MAX_LENGTH, false);
        Params.optionalInRange(profile, "<timeout>", timeoutSeconds, ModelProfile.PING_TIMEOUT);
        Params.optionalInRange(profile, "<ping_num>", count, ModelProfile.PING_COUNT);
        Params.optionalInRange(profile, "<packet_len>", packetLength, ModelProfile.PING_SIZE);
        if (cid != null) {
            Params.require(profile, profile.pingCid(), "AT+MPING <cid>");
            Params.inRange(profile, "<cid>", cid, ModelProfile.PDP_CID);
        }
        return CommandLine.set(name()).quoted(host).number(timeoutSeconds).number(count).number(packetLength)
                .number(cid).encode();
    }

    /** Every echo may take its full timeout, after a possible DNS lookup. */
    @Override
    public Optional<AsyncResult> asyncResult(ModelProfile profile) {
        long perEcho = timeoutSeconds == null ? ModelProfile.PING_TIMEOUT_DEFAULT : timeoutSeconds;
        long echoes = count == null ? ModelProfile.PING_COUNT_DEFAULT : count;
        Duration deadline = Duration.ofSeconds(perEcho * echoes).plus(MdnsGip.dnsBudget(profile));
        return Optional.of(new AsyncResult("+MPING", deadline));
    }

    /** The number of echo lines that complete the run. */
    public int expectedEchoes() {
        return count == null ? ModelProfile.PING_COUNT_DEFAULT : count;
    }

    @Override
    public String describe() {
        return "AT+MPING";
    }
}
