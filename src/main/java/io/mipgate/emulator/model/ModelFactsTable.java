package io.mipgate.emulator.model;

import static io.mipgate.domain.MipCfgOption.ACKMODE;
import static io.mipgate.domain.MipCfgOption.CID;
import static io.mipgate.domain.MipCfgOption.RCVBUF;
import static io.mipgate.domain.MipCfgOption.SNDBUF;
import static io.mipgate.domain.MipCfgOption.SSL;
import static io.mipgate.domain.MipCfgOption.TIMEOUT;

import io.mipgate.domain.CloseMode;
import io.mipgate.domain.DnsCfgOption;
import io.mipgate.domain.MipCfgOption;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * AT-REFERENCE §5 (Tables A–C) as one {@link ModelFacts} row per family. Each row starts from what the manual says
 * for its whole series — the "generic" rule that applies wherever a footnote does not name the family (reference §6
 * item 48) — and then lists the family's own exceptions with the footnote that states them.
 */
final class ModelFactsTable {

    private static final Map<EmulatedFamily, ModelFacts> ROWS = new EnumMap<>(EmulatedFamily.class);

    /** MN316, MN316-S and MN326 are listed together by every footnote that names one of them. */
    private static final Consumer<Row> MN316_CLASS = row -> {
        row.connectIds = ParamRange.of(0, 4);                              // fn 2
        row.unsupportedCfgOptions = EnumSet.of(CID, TIMEOUT, SNDBUF, ACKMODE, SSL); // fn 1, fn 6
        row.sack = false;                                                  // §2.9
        row.openTimeoutEffective = false;                                  // fn 13
        row.udpEmptyPacket = false;                                        // fn 19
        row.tcpWindow = 4096;                                              // fn 7
        row.udpRcvbuf = Optional.of(ParamRange.of(4096, 8192));            // fn 7
        row.ackUrc = false;                                                // fn 41
        row.closeMode = CloseMode.TIME_WAIT;                               // fn 17: mode 2
        row.keepIdleDefault = 30;                                          // fn 9
        row.keepIntervalDefault = 90;                                      // fn 10
        row.pingCid = false;                                               // fn 37
    };

    static {
        nb(EmulatedFamily.MN316, MN316_CLASS);
        nb(EmulatedFamily.MN316_S, MN316_CLASS);
        nb(EmulatedFamily.MN326, MN316_CLASS);
        nb(EmulatedFamily.MN316A, row -> {
            row.connectIds = ParamRange.of(0, 3);                          // fn 2
            row.unsupportedCfgOptions = EnumSet.of(CID, TIMEOUT, SNDBUF, SSL); // fn 1, fn 6
            row.udpEmptyPacket = false;                                    // fn 19
            row.tcpWindow = 2048;                                          // fn 7
            row.udpRcvbuf = Optional.of(ParamRange.of(1, 4096));           // fn 7
            row.readLength = ParamRange.of(1, 1460);                       // fn 26
            row.multiPacketRead = false;                                   // fn 27
            row.ackUrc = false;                                            // fn 41, although "ackmode" is settable
            row.closeMode = CloseMode.GRACEFUL_TIME_WAIT;                  // fn 17: mode 4
            row.pingCid = false;                                           // fn 37
        });
        nb(EmulatedFamily.MN318, row -> {
            row.unsupportedCfgOptions = EnumSet.of(TIMEOUT, SNDBUF, RCVBUF, SSL); // fn 1
            row.udpEmptyPacket = false;                                    // fn 19
            row.tcpWindow = 2048;                                          // fn 7
            row.udpRcvbuf = Optional.empty();                              // fn 1: "rcvbuf" unsupported, buffer 4096
            row.closeMode = CloseMode.RESET;                               // fn 17: RST, then close
            // <cid> of AT+MPING: MN318 is absent from fn 37, so the generic rule (supported) applies
        });
        nb(EmulatedFamily.MN319, row -> {
            row.connectIds = ParamRange.of(0, 3);                          // fn 2
            row.unsupportedCfgOptions = EnumSet.of(CID, TIMEOUT, SNDBUF, SSL); // fn 1
            row.raiOnUdp = false;                                          // fn 22: no RAI at all
            row.tcpWindow = 2048;                                          // fn 7
            row.udpRcvbuf = Optional.of(ParamRange.of(1, 4096));           // fn 7
            row.readLength = ParamRange.of(1, 1460);                       // fn 26
            row.multiPacketRead = false;                                   // fn 27
            row.closeMode = CloseMode.TIME_WAIT;                           // fn 17: mode 2
            row.pingCid = false;                                           // fn 37
            // the empty UDP datagram: MN319 is absent from fn 19, so the generic rule (supported) applies
        });

        // the drivers that expect the older output name the plain ML302 (OneOS, TobudOS) and ML305 (RT-Thread), i.e.
        // these two families (FIELD-NOTES §14); ML302S, ML305U, ML305M have no field driver and print the manual's
        cat1(EmulatedFamily.ML302A, row -> row.dialect = Dialect.ML30X_LEGACY);
        cat1(EmulatedFamily.ML305A, row -> row.dialect = Dialect.ML30X_LEGACY);
        // ML307 field firmware also answers AT+MDNSCFG="ip" (FIELD-NOTES §9, against the Cat.1 note of §2.10.1)
        cat1(EmulatedFamily.ML307A, row -> row.dnsOptions = EnumSet.of(DnsCfgOption.PRIORITY, DnsCfgOption.IP));
        cat1(EmulatedFamily.ML302S, row -> { });
        cat1(EmulatedFamily.ML307S, row -> row.dnsOptions = EnumSet.of(DnsCfgOption.PRIORITY, DnsCfgOption.IP));
        cat1(EmulatedFamily.ML307R, row -> row.dnsOptions = EnumSet.of(DnsCfgOption.PRIORITY, DnsCfgOption.IP));
        cat1(EmulatedFamily.ML305U, row -> {
            row.promptMaxLength = 4096;                                    // fn 20
            row.sendTimeout = Optional.of(ParamRange.of(1, 180));          // absent from fn 5: generic 1~180
            row.tcpWindow = 63920;                                         // fn 7
            row.udpRcvbuf = Optional.of(ParamRange.of(1, 65535));          // fn 7: range silent, generic (inferred)
            row.ntpTimeoutDefault = 20;                                    // absent from fn 42: generic 20
        });
        cat1(EmulatedFamily.ML305M, row -> {
            row.maxCachedPackets = 128;                                    // fn 27, fn 39, fn 40
            row.ntpTimeoutDefault = 20;                                    // absent from fn 42: generic 20
        });
        cat1(EmulatedFamily.ML307G, row -> {
            row.closeModes = Optional.of(ParamRange.of(0, 3));             // fn 17
            // "cached" with <cached_mode> only, default 1 (fn 35; reading of the §2.10 conflict, §6 item 32)
            row.dnsOptions = EnumSet.of(DnsCfgOption.PRIORITY, DnsCfgOption.CACHED, DnsCfgOption.IP);
            row.dnsCachedModeDefault = 1;
        });
    }

    private ModelFactsTable() {
    }

    static ModelFacts of(EmulatedFamily family) {
        return ROWS.get(family);
    }

    /** NB series: what the manual says for "NB modules", or generically where no footnote names the family. */
    private static void nb(EmulatedFamily family, Consumer<Row> exceptions) {
        Row row = new Row(family);
        row.connectIds = ParamRange.of(0, 5);
        row.transparentMode = false;                                       // fn 14, fn 29
        row.sack = true;
        row.openTimeoutEffective = true;
        row.openFailureAsErrorCode = false;                                // fn 15: NB reports 1
        row.promptMaxLength = 0;                                           // fn 20: no ">" mode
        row.unspecifiedLengthPrompt = false;
        row.udpEmptyPacket = true;
        row.raiOnUdp = true;                                               // fn 22: UDP only
        row.raiOnTcp = false;
        row.seq = true;                                                    // fn 23
        row.sendTimeout = Optional.empty();                                // fn 1: "timeout" unsupported on NB
        row.udpRcvbufDefault = 4096;                                       // fn 7: the NB default
        row.maxCachedPackets = 12;                                         // §2.6.2: NB 12
        row.readLength = ParamRange.of(0, 4096);
        row.multiPacketRead = true;
        row.ackUrc = true;
        row.closeModes = Optional.empty();                                 // fn 17: only ML307G configures <mode>
        row.keepIdleDefault = 90;
        row.keepIntervalDefault = 75;
        row.dnsOptions = EnumSet.of(DnsCfgOption.IP, DnsCfgOption.IPV6, DnsCfgOption.PRIORITY,
                DnsCfgOption.TIMEOUT);                                     // §2.10.1: NB has no "cached"
        row.dnsPersistent = true;                                          // saved to NV
        row.dnsCachedPeriod = false;
        row.dnsCachedModeDefault = 0;
        row.dnsTimeoutDefault = 30;                                        // §2.10.2: NB 30
        row.dnsCid = false;                                                // fn 36
        row.dnsBothFamilies = false;                                       // §2.11.1: preferred family only
        row.ntpTimeoutDefault = 20;                                        // fn 42
        row.pingCid = true;
        exceptions.accept(row);
        ROWS.put(family, row.facts());
    }

    /** Cat.1 ("4G") series: what the manual says for every Cat.1 family unless a footnote names one. */
    private static void cat1(EmulatedFamily family, Consumer<Row> exceptions) {
        Row row = new Row(family);
        row.connectIds = ParamRange.of(0, 5);
        row.unsupportedCfgOptions = EnumSet.of(SNDBUF);                    // fn 6
        row.transparentMode = true;
        row.sack = true;
        row.openTimeoutEffective = true;
        row.openFailureAsErrorCode = true;                                 // fn 15
        row.promptMaxLength = 8192;                                        // §2.5.1 form B
        row.unspecifiedLengthPrompt = true;                                // fn 19
        row.udpEmptyPacket = false;                                        // fn 19: ",0" opens a prompt instead
        row.raiOnUdp = false;                                              // fn 22
        row.raiOnTcp = false;
        row.seq = false;                                                   // fn 23
        row.sendTimeout = Optional.of(ParamRange.of(1, 120));              // fn 5
        row.tcpWindow = 64240;                                             // fn 7
        row.udpRcvbuf = Optional.of(ParamRange.of(1460, 65535));           // fn 7
        row.udpRcvbufDefault = 65535;                                      // fn 7 "64K", read as 65535 (§6 item 35)
        row.maxCachedPackets = 256;                                        // fn 27
        row.readLength = ParamRange.of(0, 4096);
        row.multiPacketRead = true;
        row.ackUrc = true;
        row.closeModes = Optional.empty();
        row.closeMode = CloseMode.GRACEFUL;                                // fn 17: waits for the send buffer
        row.keepIdleDefault = 90;
        row.keepIntervalDefault = 75;
        row.dnsOptions = EnumSet.of(DnsCfgOption.PRIORITY);                // §2.10.1: only "priority"
        row.dnsPersistent = false;                                         // not saved to NV
        row.dnsCachedPeriod = false;
        row.dnsCachedModeDefault = 0;
        row.dnsTimeoutDefault = 10;                                        // §2.10.2: 4G 10
        row.dnsCid = true;                                                 // fn 36
        row.dnsBothFamilies = true;                                        // §2.11.1
        row.ntpTimeoutDefault = 30;                                        // fn 42
        row.pingCid = true;                                                // fn 37
        exceptions.accept(row);
        ROWS.put(family, row.facts());
    }

    /** One family's values while its row is written; the cells of §5 under the names of {@link ModelFacts}. */
    private static final class Row {
        final EmulatedFamily family;
        ParamRange connectIds;
        Set<MipCfgOption> unsupportedCfgOptions;
        boolean transparentMode;
        boolean sack;
        boolean openTimeoutEffective;
        boolean openFailureAsErrorCode;
        int promptMaxLength;
        boolean unspecifiedLengthPrompt;
        boolean udpEmptyPacket;
        boolean raiOnUdp;
        boolean raiOnTcp;
        boolean seq;
        Optional<ParamRange> sendTimeout;
        int tcpWindow;
        Optional<ParamRange> udpRcvbuf;
        int udpRcvbufDefault;
        int maxCachedPackets;
        ParamRange readLength;
        boolean multiPacketRead;
        boolean ackUrc;
        Optional<ParamRange> closeModes;
        CloseMode closeMode;
        int keepIdleDefault;
        int keepIntervalDefault;
        Set<DnsCfgOption> dnsOptions;
        boolean dnsPersistent;
        boolean dnsCachedPeriod;
        int dnsCachedModeDefault;
        int dnsTimeoutDefault;
        boolean dnsCid;
        boolean dnsBothFamilies;
        int ntpTimeoutDefault;
        boolean pingCid;
        Dialect dialect = Dialect.V5_MANUAL;

        Row(EmulatedFamily family) {
            this.family = family;
        }

        ModelFacts facts() {
            return new ModelFacts(family, connectIds, unsupportedCfgOptions, transparentMode, sack,
                    new ModelFacts.Open(openTimeoutEffective, openFailureAsErrorCode),
                    new ModelFacts.Send(promptMaxLength, unspecifiedLengthPrompt, udpEmptyPacket, raiOnUdp, raiOnTcp,
                            seq, sendTimeout),
                    new ModelFacts.Receive(tcpWindow, udpRcvbuf, udpRcvbufDefault, maxCachedPackets, readLength,
                            multiPacketRead, ackUrc),
                    new ModelFacts.Close(closeModes, closeMode),
                    new ModelFacts.KeepAlive(keepIdleDefault, keepIntervalDefault),
                    new ModelFacts.Dns(dnsOptions, dnsPersistent, dnsCachedPeriod, dnsCachedModeDefault,
                            dnsTimeoutDefault, dnsCid, dnsBothFamilies),
                    ntpTimeoutDefault, pingCid, dialect);
        }
    }
}
