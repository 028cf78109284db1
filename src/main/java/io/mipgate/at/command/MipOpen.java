package io.mipgate.at.command;

import io.mipgate.domain.AccessMode;
import io.mipgate.domain.InvalidParameterException;
import io.mipgate.domain.Protocol;
import io.mipgate.at.model.ModelProfile;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code AT+MIPOPEN=<connect_id>,<proto_type>,<address>,<remote_port>[,<timeout>[,<access_mode>[,<local_port>]]]}
 * (AT-REFERENCE §2.3). Answers {@code OK} at once; the outcome is {@code +MIPOPEN: <id>,<result>}, or
 * {@code CONNECT} in transparent mode.
 *
 * @param timeoutSeconds connect timeout, null for the module default (60 s)
 * @param accessMode     null for the default (normal)
 * @param localPort      null or 0 for an automatic local port
 */
public record MipOpen(int connectId, Protocol protocol, String address, int remotePort, Integer timeoutSeconds,
                      AccessMode accessMode, Integer localPort) implements TcpIpForms.UrcResultForm {

    /** Time the module may need beyond the connect timeout to report the outcome. */
    static final Duration RESULT_MARGIN = Duration.ofSeconds(15);

    public MipOpen {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(address, "address");
    }

    public static MipOpen of(int connectId, Protocol protocol, String address, int remotePort) {
        return new MipOpen(connectId, protocol, address, remotePort, null, null, null);
    }

    @Override
    public TcpIpCommand command() {
        return TcpIpCommand.MIPOPEN;
    }

    @Override
    public byte[] encode(ModelProfile profile) {
        Params.connectId(profile, connectId);
        Params.quotable("<address>", address, ModelProfile.HOST_MAX_LENGTH, false);
        Params.inRange(profile, "<remote_port>", remotePort, ModelProfile.PORT);
        Params.optionalInRange(profile, "<timeout>", timeoutSeconds, ModelProfile.OPEN_TIMEOUT);
        Params.optionalInRange(profile, "<local_port>", localPort, ModelProfile.PORT);
        if (accessMode != null) {
            if (!accessMode.allows(protocol)) {
                throw new InvalidParameterException("<access_mode>", accessMode.code(),
                        protocol == Protocol.TCP ? "0, 1 or 2 for TCP" : "0, 1 or 3 for UDP", null);
            }
            if (accessMode == AccessMode.TRANSPARENT) {
                Params.require(profile, profile.transparent(), "transparent access mode");
            }
        }
        return CommandLine.set(name())
                .number(connectId)
                .quoted(protocol.name())
                .quoted(address)
                .number(remotePort)
                .number(timeoutSeconds)
                .number(accessMode == null ? null : accessMode.code())
                .number(localPort)
                .encode();
    }

    @Override
    public Optional<AsyncResult> asyncResult(ModelProfile profile) {
        String urc = accessMode == AccessMode.TRANSPARENT ? "CONNECT" : "+MIPOPEN";
        int seconds = profile.open().timeoutEffective()
                ? (timeoutSeconds == null ? ModelProfile.OPEN_TIMEOUT_DEFAULT : timeoutSeconds)
                : ModelProfile.OPEN_TIMEOUT.max();
        return Optional.of(new AsyncResult(urc, Duration.ofSeconds(seconds).plus(dnsBudget(profile)).plus(RESULT_MARGIN)));
    }

    /** A host name is resolved first; its lookup may take the DNS timeout times the retries. */
    private Duration dnsBudget(ModelProfile profile) {
        return isIpLiteral(address) ? Duration.ZERO
                : Duration.ofSeconds((long) profile.dns().defaultTimeoutSeconds() * ModelProfile.DNS_RETRIES_DEFAULT);
    }

    static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }

    @Override
    public String describe() {
        return "AT+MIPOPEN=" + connectId + ",\"" + protocol + "\"";
    }

}
