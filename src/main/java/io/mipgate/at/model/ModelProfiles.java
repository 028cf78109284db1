package io.mipgate.at.model;

import static io.mipgate.domain.MipCfgOption.ACKMODE;
import static io.mipgate.domain.MipCfgOption.CID;
import static io.mipgate.domain.MipCfgOption.RCVBUF;
import static io.mipgate.domain.MipCfgOption.SNDBUF;
import static io.mipgate.domain.MipCfgOption.SSL;
import static io.mipgate.domain.MipCfgOption.TIMEOUT;

import io.mipgate.domain.CloseMode;
import io.mipgate.domain.DnsCfgOption;
import io.mipgate.domain.MipCfgOption;
import io.mipgate.domain.ModuleErrorCode;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The capability matrix of AT-REFERENCE §5 as one profile per family. Where the manual is silent for a family the
 * generic rule applies (reference §6 item 48); choices marked "(inferred)" there are taken as written.
 */
public final class ModelProfiles {

    /**
     * The longest line seen accepted on ML307 release firmware: {@code AT+MIPSEND=<id>,730,"<1460 HEX>"}, 18 characters
     * of head, 1460 of HEX and the closing quote. Drivers chunk inline HEX at 730 bytes because longer lines fail
     * (FIELD-NOTES §7.1, a command-line buffer of about 1.5 KB, not the manual's 1460 bytes).
     */
    private static final int ML307_RELEASE_LINE_CHARS = 18 + 1460 + 1;

    /** CME codes that mean the same on every family: the manual's natural code and the one release firmware sends. */
    private static final Set<Integer> SEND_REFUSED_MEANS_GONE = Set.of(
            ModuleErrorCode.TCPIP_UNKNOWN_ERROR.code(), // 550: ML307 on a peer-closed or never-opened id (§3, §7.3)
            ModuleErrorCode.TCPIP_NOT_CONNECTED.code()); // 553: the manual's "not connected" (AT-REFERENCE §2.5.2)
    /** §3, §10: the first lookup after boot fails while the module settles; RT-Thread retries up to 5 times. */
    private static final Set<Integer> FIRST_DNS_RETRY_CODES = Set.of(
            ModuleErrorCode.DNS_FAILED_OR_BAD_IP_FORMAT.code(), ModuleErrorCode.DNS_BUSY.code());
    private static final int FIRST_DNS_RETRIES = 5;
    private static final Set<ModelFamily> ML307_FAMILIES = EnumSet.of(ModelFamily.ML307A, ModelFamily.ML307S,
            ModelFamily.ML307R, ModelFamily.ML307G);
    /**
     * §14: the drivers that expect the older output name the plain ML302 (OneOS molink ml302, TobudOS ml302) and ML305
     * (RT-Thread class/ml305): the families ML302A (in the manual since V3.0.0) and ML305A (V4.1.0). ML302S, ML305U and
     * ML305M are later variants with footnotes of their own and no field driver; they print what the manual says.
     */
    private static final Set<ModelFamily> LEGACY_DIALECT_FAMILIES = EnumSet.of(ModelFamily.ML302A, ModelFamily.ML305A);
    /** §8.4: 551 "not in use" on release firmware; a development build answers OK, which needs no entry. */
    private static final Set<Integer> CLOSE_MEANS_ALREADY_CLOSED = Set.of(ModuleErrorCode.TCPIP_NOT_IN_USE.code());

    /**
     * Cat.1: the ML307 line limit (§7.1; ML302/ML305 have no field evidence, so they get the only measured limit);
     * colon plus blank (§4); the {@code >} input waits the {@code <send_timeout>} default of 10 s (AT-REFERENCE
     * §2.1.3 fn 5, FIELD-NOTES §7.2). ML307N and MN327, outside the manual's fifteen families, take 2048-character lines.
     */
    private static final FieldQuirks CAT1_QUIRKS = new FieldQuirks(ML307_RELEASE_LINE_CHARS, SEND_REFUSED_MEANS_GONE,
            FIRST_DNS_RETRY_CODES, FIRST_DNS_RETRIES, CLOSE_MEANS_ALREADY_CLOSED, false, Duration.ofSeconds(10));

    /**
     * NB-IoT: no field evidence of the AT+MIP* set on these families (§15), so the line limit is the only one measured
     * on OneMO firmware, not the manual's untested 1460 HEX bytes; responses without a blank after the colon, as MN316
     * drivers match {@code +CEREG:5,} (§4, §15); no {@code >} mode at all (AT-REFERENCE §2.5.1 fn 20).
     */
    private static final FieldQuirks NB_QUIRKS = new FieldQuirks(ML307_RELEASE_LINE_CHARS, SEND_REFUSED_MEANS_GONE,
            FIRST_DNS_RETRY_CODES, FIRST_DNS_RETRIES, CLOSE_MEANS_ALREADY_CLOSED, true, Duration.ZERO);

    private static final Map<ModelFamily, ModelProfile> PROFILES = new EnumMap<>(ModelFamily.class);

    static {
        for (ModelFamily family : ModelFamily.values()) {
            PROFILES.put(family, family.isNb() ? nb(family) : cat1(family));
        }
    }

    private ModelProfiles() {
    }

    public static ModelProfile of(ModelFamily family) {
        return PROFILES.get(family);
    }

    public static ModelProfile of(String familyName) {
        return of(ModelFamily.parse(familyName));
    }

    public static Collection<ModelProfile> all() {
        return PROFILES.values();
    }

    private static ModelProfile nb(ModelFamily family) {
        boolean mn316Class = family == ModelFamily.MN316 || family == ModelFamily.MN316_S || family == ModelFamily.MN326;
        boolean smallMemory = family == ModelFamily.MN316A || family == ModelFamily.MN319;
        IntRange ids = mn316Class ? IntRange.of(0, 4) : smallMemory ? IntRange.of(0, 3) : IntRange.of(0, 5);

        Set<MipCfgOption> unsupported = switch (family) {
            case MN316, MN316_S, MN326 -> EnumSet.of(CID, TIMEOUT, SNDBUF, ACKMODE, SSL);
            case MN318 -> EnumSet.of(TIMEOUT, SNDBUF, RCVBUF, SSL);
            default -> EnumSet.of(CID, TIMEOUT, SNDBUF, SSL);
        };

        var send = new ModelProfile.Send(0, false,
                family == ModelFamily.MN319,
                family != ModelFamily.MN319,
                false,
                true,
                Optional.empty());

        Optional<IntRange> udpRcvbuf = switch (family) {
            case MN318 -> Optional.empty();
            case MN316A, MN319 -> Optional.of(IntRange.of(1, 4096));
            default -> Optional.of(IntRange.of(4096, 8192));
        };
        var receive = new ModelProfile.Receive(
                mn316Class ? 4096 : 2048,
                udpRcvbuf,
                4096,
                12,
                smallMemory ? IntRange.of(1, 1460) : IntRange.of(0, 4096),
                !smallMemory,
                family == ModelFamily.MN318 || family == ModelFamily.MN319);

        CloseMode closeMode = switch (family) {
            case MN316A -> CloseMode.GRACEFUL_TIME_WAIT;
            case MN318 -> CloseMode.RESET;
            default -> CloseMode.TIME_WAIT;
        };

        var dns = new ModelProfile.Dns(
                EnumSet.of(DnsCfgOption.IP, DnsCfgOption.IPV6, DnsCfgOption.PRIORITY, DnsCfgOption.TIMEOUT),
                true, false, 0, 30, false, false);

        return new ModelProfile(family, ids, unsupported, false, !mn316Class,
                new ModelProfile.Open(!mn316Class, false),
                send, receive,
                new ModelProfile.Close(Optional.empty(), closeMode),
                mn316Class ? new ModelProfile.KeepAlive(30, 90) : new ModelProfile.KeepAlive(90, 75),
                dns, 20,
                family == ModelFamily.MN318,
                NB_QUIRKS, TcpIpDialect.V5_MANUAL);
    }

    private static ModelProfile cat1(ModelFamily family) {
        boolean ml305u = family == ModelFamily.ML305U;
        boolean ml307g = family == ModelFamily.ML307G;

        var send = new ModelProfile.Send(ml305u ? 4096 : 8192, true, false, false, false, false,
                Optional.of(ml305u ? IntRange.of(1, 180) : IntRange.of(1, 120)));

        var receive = new ModelProfile.Receive(
                ml305u ? 63920 : 64240,
                Optional.of(ml305u ? IntRange.of(1, 65535) : IntRange.of(1460, 65535)),
                65535,
                family == ModelFamily.ML305M ? 128 : 256,
                IntRange.of(0, 4096),
                true,
                true);

        Set<DnsCfgOption> dnsOptions = ml307g
                ? EnumSet.of(DnsCfgOption.PRIORITY, DnsCfgOption.CACHED)
                : EnumSet.of(DnsCfgOption.PRIORITY);
        if (ML307_FAMILIES.contains(family)) {
            // the manual says Cat.1 has only "priority"; ML307 field firmware answers AT+MDNSCFG="ip" (FIELD-NOTES §9)
            dnsOptions.add(DnsCfgOption.IP);
        }
        var dns = new ModelProfile.Dns(dnsOptions, false, false, ml307g ? 1 : 0, 10, true, true);

        int ntpTimeout = family == ModelFamily.ML305U || family == ModelFamily.ML305M ? 20 : 30;

        return new ModelProfile(family, IntRange.of(0, 5), EnumSet.of(SNDBUF), true, true,
                new ModelProfile.Open(true, true),
                send, receive,
                new ModelProfile.Close(ml307g ? Optional.of(IntRange.of(0, 3)) : Optional.empty(), CloseMode.GRACEFUL),
                new ModelProfile.KeepAlive(90, 75),
                dns, ntpTimeout, true,
                CAT1_QUIRKS,
                LEGACY_DIALECT_FAMILIES.contains(family) ? TcpIpDialect.ML30X_LEGACY : TcpIpDialect.V5_MANUAL);
    }
}
