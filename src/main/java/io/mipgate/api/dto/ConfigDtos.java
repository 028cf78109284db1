package io.mipgate.api.dto;

import io.mipgate.domain.DnsCfgOption;
import io.mipgate.domain.MipCfgOption;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Requests and answers of the configuration resources (AT+MIPCFG, AT+MIPTKA, AT+MDNSCFG). */
public final class ConfigDtos {

    private ConfigDtos() {
    }

    /** The {@code <cmd>} selectors of AT+MIPCFG. */
    public enum MipCfgKey {
        cid(MipCfgOption.CID), encoding(MipCfgOption.ENCODING), timeout(MipCfgOption.TIMEOUT),
        autofree(MipCfgOption.AUTOFREE), sndbuf(MipCfgOption.SNDBUF), rcvbuf(MipCfgOption.RCVBUF),
        ackmode(MipCfgOption.ACKMODE), ssl(MipCfgOption.SSL);

        private final MipCfgOption domain;

        MipCfgKey(MipCfgOption domain) {
            this.domain = domain;
        }

        public MipCfgOption toDomain() {
            return domain;
        }
    }

    /** The sub-commands of AT+MDNSCFG. */
    public enum DnsCfgKey {
        ip(DnsCfgOption.IP), ipv6(DnsCfgOption.IPV6), priority(DnsCfgOption.PRIORITY), cached(DnsCfgOption.CACHED),
        timeout(DnsCfgOption.TIMEOUT);

        private final DnsCfgOption domain;

        DnsCfgKey(DnsCfgOption domain) {
            this.domain = domain;
        }

        public DnsCfgOption toDomain() {
            return domain;
        }
    }

    /**
     * The value of one AT+MIPCFG option; which fields are required depends on the option: cid → {@code cid};
     * encoding → {@code sendFormat}, {@code recvFormat}; timeout → {@code seconds}; autofree → {@code hostReleases};
     * sndbuf, rcvbuf → {@code bytes}; ackmode → {@code enabled}; ssl → {@code enabled}, {@code sslId}.
     */
    @Schema(name = "MipCfgRequest", example = "{\"hostReleases\": true}")
    public record MipCfgRequest(
            @Min(1) @Max(15) @Schema(description = "cid: PDP context") Integer cid,
            @Schema(description = "encoding: inline send format") SendFormat sendFormat,
            @Schema(description = "encoding: receive format") RecvFormat recvFormat,
            @Min(1) @Max(180) @Schema(description = "timeout: seconds for typing data after the > prompt") Integer seconds,
            @Schema(description = "autofree: true = the instance waits for AT+MIPCLOSE after an abnormal disconnect")
            Boolean hostReleases,
            @Min(1) @Max(65535) @Schema(description = "sndbuf / rcvbuf: buffer bytes") Integer bytes,
            @Schema(description = "ackmode / ssl: switch") Boolean enabled,
            @Min(0) @Max(5) @Schema(description = "ssl: SSL context id") Integer sslId) {

        public enum SendFormat { ascii, hex, escaped }

        public enum RecvFormat { ascii, hex }
    }

    /** One {@code +MIPCFG:} line: the option, the instance and its values as the module printed them. */
    @Schema(name = "MipCfgValue")
    public record MipCfgValue(@Schema(example = "autofree") String option, @Schema(example = "0") int connectId,
                              @Schema(example = "[\"1\"]") List<String> values) {
    }

    /** AT+MIPTKA set: later values only after the earlier ones. */
    @Schema(name = "KeepAliveRequest")
    public record KeepAliveRequest(
            @NotNull @Schema(example = "true") Boolean enabled,
            @Min(30) @Max(7200) @Schema(example = "90") Integer idleSeconds,
            @Min(30) @Max(600) @Schema(example = "75") Integer intervalSeconds,
            @Min(1) @Max(9) @Schema(example = "3") Integer count) {
    }

    /** One {@code +MIPTKA:} line. */
    @Schema(name = "KeepAlive")
    public record KeepAliveValue(@Schema(example = "0") int connectId, @Schema(example = "true") boolean enabled,
                                 @Schema(example = "90") Integer idleSeconds,
                                 @Schema(example = "75") Integer intervalSeconds, @Schema(example = "3") Integer count) {
    }

    /**
     * The value of one AT+MDNSCFG option: ip / ipv6 → {@code primary} (and {@code secondary}; "" clears);
     * priority → {@code ipv6First}; cached → {@code cacheDisabled} (and {@code cachedPeriodSeconds});
     * timeout → {@code timeoutSeconds} (and {@code retries}).
     */
    @Schema(name = "DnsCfgRequest", example = "{\"ipv6First\": false}")
    public record DnsCfgRequest(
            @Size(max = 45) @Pattern(regexp = Wire.IP_OR_EMPTY, message = "an IP literal or empty")
            @Schema(example = "223.5.5.5") String primary,
            @Size(max = 45) @Pattern(regexp = Wire.IP_OR_EMPTY, message = "an IP literal or empty")
            @Schema(example = "114.114.114.114") String secondary,
            Boolean ipv6First,
            Boolean cacheDisabled,
            @Min(1) @Max(65535) Integer cachedPeriodSeconds,
            @Min(1) @Max(60) Integer timeoutSeconds,
            @Min(1) @Max(9) Integer retries) {
    }

    /** One {@code +MDNSCFG:} line. */
    @Schema(name = "DnsCfgValue")
    public record DnsCfgValue(@Schema(example = "priority") String option,
                              @Schema(example = "[\"0\"]") List<String> values) {
    }
}
