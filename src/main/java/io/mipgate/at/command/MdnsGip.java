package io.mipgate.at.command;

import io.mipgate.at.model.ModelProfile;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code AT+MDNSGIP=<domainname>[,<cid>]}: {@code OK}, then {@code +MDNSGIP: "<domain>"[,"<ip>"...]}
 * (AT-REFERENCE §2.11). The legacy ML302 / ML305 firmware prints {@code +MDNSGIP: 0,"<domain>","<ip>"...} or
 * {@code +MDNSGIP: 1,<err>} before its {@code OK} (FIELD-NOTES §14).
 */
public record MdnsGip(String domain, Integer cid) implements TcpIpForms.UrcResultForm {

    public static MdnsGip of(String domain) {
        return new MdnsGip(domain, null);
    }

    @Override
    public TcpIpCommand command() {
        return TcpIpCommand.MDNSGIP;
    }

    @Override
    public byte[] encode(ModelProfile profile) {
        Params.quotable("<domainname>", domain, ModelProfile.HOST_MAX_LENGTH, false);
        if (cid != null) {
            Params.require(profile, profile.dns().cid(), "AT+MDNSGIP <cid>");
            Params.inRange(profile, "<cid>", cid, ModelProfile.PDP_CID);
        }
        return CommandLine.set(name()).quoted(domain).number(cid).encode();
    }

    /** Where the result comes before the {@code OK}, the {@code OK} waits as long as the lookup. */
    @Override
    public Duration responseTimeout(ModelProfile profile) {
        return profile.dialect().resultsEndCommands() ? dnsBudget(profile) : DEFAULT_RESPONSE_TIMEOUT;
    }

    /** Each server may be tried with each address family, for {@code <retries>} attempts of {@code <time>}. */
    @Override
    public Optional<AsyncResult> asyncResult(ModelProfile profile) {
        return Optional.of(new AsyncResult("+MDNSGIP", dnsBudget(profile)));
    }

    static Duration dnsBudget(ModelProfile profile) {
        return Duration.ofSeconds((long) profile.dns().defaultTimeoutSeconds() * ModelProfile.DNS_RETRIES_DEFAULT * 2 + 10);
    }

    @Override
    public String describe() {
        return "AT+MDNSGIP";
    }
}
