package io.mipgate.at.command;

import io.mipgate.domain.InvalidParameterException;
import io.mipgate.at.model.ModelProfile;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code AT+MNTP} (all defaults) or {@code AT+MNTP=<server>[,<port>[,<sync>[,<timeout>]]]}: {@code OK}, then
 * {@code +MNTP: <result>[,"<time>"]} (AT-REFERENCE §2.15).
 *
 * @param server  null for the bare execute form, which takes every default
 * @param sync    whether the module's RTC is set; null for the default (1)
 */
public record MNtp(String server, Integer port, Boolean sync, Integer timeoutSeconds) implements AtCommand {

    public static MNtp defaults() {
        return new MNtp(null, null, null, null);
    }

    @Override
    public String name() {
        return "AT+MNTP";
    }

    @Override
    public Form form() {
        return server == null ? Form.EXECUTE : Form.SET;
    }

    @Override
    public byte[] encode(ModelProfile profile) {
        if (server == null) {
            if (port != null || sync != null || timeoutSeconds != null) {
                throw new InvalidParameterException("<server>", "missing", "given whenever a later parameter is", null);
            }
            return CommandLine.terminated("AT+MNTP");
        }
        Params.quotable("<server>", server, ModelProfile.HOST_MAX_LENGTH, false);
        Params.optionalInRange(profile, "<port>", port, ModelProfile.PORT);
        Params.optionalInRange(profile, "<timeout>", timeoutSeconds, ModelProfile.NTP_TIMEOUT);
        return CommandLine.set(name()).quoted(server).number(port).number(sync == null ? null : sync ? 1 : 0)
                .number(timeoutSeconds).encode();
    }

    @Override
    public Optional<AsyncResult> asyncResult(ModelProfile profile) {
        int seconds = timeoutSeconds == null ? profile.ntpDefaultTimeoutSeconds() : timeoutSeconds;
        return Optional.of(new AsyncResult("+MNTP", Duration.ofSeconds(seconds).plus(MdnsGip.dnsBudget(profile))));
    }

}
