package io.mipgate.emulator.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.mipgate.domain.DnsCfgOption;
import io.mipgate.domain.MipCfgOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rows of AT-REFERENCE §5 copied cell by cell, so that the table's "series default plus exceptions" layout
 * cannot drift from what the reference says for any one family. Ranges are written {@code min-max}, {@code -} where
 * the reference says the option or parameter does not exist.
 */
class ModelFactsTableTest {

    /** Table A: connect_id, transparent, {@code >} maximum, empty UDP datagram, AT+MIPSACK, close, MIPCFG refusals. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            MN316   | 0-4 | false | 0    | false | false | TIME_WAIT          | -   | cid timeout sndbuf ackmode ssl
            MN316-S | 0-4 | false | 0    | false | false | TIME_WAIT          | -   | cid timeout sndbuf ackmode ssl
            MN316A  | 0-3 | false | 0    | false | true  | GRACEFUL_TIME_WAIT | -   | cid timeout sndbuf ssl
            MN318   | 0-5 | false | 0    | false | true  | RESET              | -   | timeout sndbuf rcvbuf ssl
            MN319   | 0-3 | false | 0    | true  | true  | TIME_WAIT          | -   | cid timeout sndbuf ssl
            MN326   | 0-4 | false | 0    | false | false | TIME_WAIT          | -   | cid timeout sndbuf ackmode ssl
            ML302A  | 0-5 | true  | 8192 | false | true  | GRACEFUL           | -   | sndbuf
            ML305A  | 0-5 | true  | 8192 | false | true  | GRACEFUL           | -   | sndbuf
            ML307A  | 0-5 | true  | 8192 | false | true  | GRACEFUL           | -   | sndbuf
            ML302S  | 0-5 | true  | 8192 | false | true  | GRACEFUL           | -   | sndbuf
            ML307S  | 0-5 | true  | 8192 | false | true  | GRACEFUL           | -   | sndbuf
            ML305U  | 0-5 | true  | 4096 | false | true  | GRACEFUL           | -   | sndbuf
            ML305M  | 0-5 | true  | 8192 | false | true  | GRACEFUL           | -   | sndbuf
            ML307R  | 0-5 | true  | 8192 | false | true  | GRACEFUL           | -   | sndbuf
            ML307G  | 0-5 | true  | 8192 | false | true  | GRACEFUL           | 0-3 | sndbuf
            """)
    void tableA(String family, String connectIds, boolean transparent, int promptMax, boolean udpEmptyPacket,
                boolean sack, String closeMode, String closeModes, String refused) {
        ModelFacts facts = EmulatedFamily.parse(family).facts();
        assertThat(facts.connectIds()).isEqualTo(range(connectIds).orElseThrow());
        assertThat(facts.transparentMode()).isEqualTo(transparent);
        assertThat(facts.send().promptMaxLength()).isEqualTo(promptMax);
        assertThat(facts.send().unspecifiedLengthPrompt()).isEqualTo(promptMax > 0);
        assertThat(facts.send().udpEmptyPacket()).isEqualTo(udpEmptyPacket);
        assertThat(facts.sack()).isEqualTo(sack);
        assertThat(facts.close().effectiveMode().name()).isEqualTo(closeMode);
        assertThat(facts.close().configurableModes()).isEqualTo(range(closeModes));
        assertThat(facts.unsupportedCfgOptions()).isEqualTo(Arrays.stream(refused.split(" "))
                .map(MipCfgOption::ofWireName).collect(Collectors.toSet()));
    }

    /** Table B: TCP window, UDP rcvbuf, cached packets, RAI (UDP/TCP), seq, send_timeout, DNS options, NV, NTP. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            MN316   | 4096  | 4096-8192  | 4096  | 12  | true  | true  | -     | ip ipv6 priority timeout | true  | 20
            MN316-S | 4096  | 4096-8192  | 4096  | 12  | true  | true  | -     | ip ipv6 priority timeout | true  | 20
            MN316A  | 2048  | 1-4096     | 4096  | 12  | true  | true  | -     | ip ipv6 priority timeout | true  | 20
            MN318   | 2048  | -          | 4096  | 12  | true  | true  | -     | ip ipv6 priority timeout | true  | 20
            MN319   | 2048  | 1-4096     | 4096  | 12  | false | true  | -     | ip ipv6 priority timeout | true  | 20
            MN326   | 4096  | 4096-8192  | 4096  | 12  | true  | true  | -     | ip ipv6 priority timeout | true  | 20
            ML302A  | 64240 | 1460-65535 | 65535 | 256 | false | false | 1-120 | priority                 | false | 30
            ML305A  | 64240 | 1460-65535 | 65535 | 256 | false | false | 1-120 | priority                 | false | 30
            ML307A  | 64240 | 1460-65535 | 65535 | 256 | false | false | 1-120 | priority ip              | false | 30
            ML302S  | 64240 | 1460-65535 | 65535 | 256 | false | false | 1-120 | priority                 | false | 30
            ML307S  | 64240 | 1460-65535 | 65535 | 256 | false | false | 1-120 | priority ip              | false | 30
            ML305U  | 63920 | 1-65535    | 65535 | 256 | false | false | 1-180 | priority                 | false | 20
            ML305M  | 64240 | 1460-65535 | 65535 | 128 | false | false | 1-120 | priority                 | false | 20
            ML307R  | 64240 | 1460-65535 | 65535 | 256 | false | false | 1-120 | priority ip              | false | 30
            ML307G  | 64240 | 1460-65535 | 65535 | 256 | false | false | 1-120 | priority cached ip       | false | 30
            """)
    void tableB(String family, int tcpWindow, String udpRcvbuf, int udpRcvbufDefault, int cachedPackets,
                boolean raiOnUdp, boolean seq, String sendTimeout, String dnsOptions, boolean dnsInNv,
                int ntpTimeout) {
        ModelFacts facts = EmulatedFamily.parse(family).facts();
        assertThat(facts.receive().tcpWindow()).isEqualTo(tcpWindow);
        assertThat(facts.receive().udpRcvbuf()).isEqualTo(range(udpRcvbuf));
        assertThat(facts.receive().udpRcvbufDefault()).isEqualTo(udpRcvbufDefault);
        assertThat(facts.receive().maxCachedPackets()).isEqualTo(cachedPackets);
        assertThat(facts.send().raiOnUdp()).isEqualTo(raiOnUdp);
        assertThat(facts.send().raiOnTcp()).isFalse();
        assertThat(facts.send().seq()).isEqualTo(seq);
        assertThat(facts.send().sendTimeout()).isEqualTo(range(sendTimeout));
        assertThat(facts.dns().options()).isEqualTo(dnsOptions(dnsOptions));
        assertThat(facts.dns().persistent()).isEqualTo(dnsInNv);
        assertThat(facts.ntpTimeoutDefault()).isEqualTo(ntpTimeout);
    }

    /**
     * Table C: MIPOPEN timeout honoured, keepidle/keepinterval, "ack" URC, read_len, multi-packet reads, MDNSGIP and
     * MPING cid, DNS time, MIPOPEN failure as error code, cached_mode default, both IP families in +MDNSGIP.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            MN316   | false | 30 | 90 | false | 0-4096 | true  | false | false | 30 | false | 0 | false
            MN316-S | false | 30 | 90 | false | 0-4096 | true  | false | false | 30 | false | 0 | false
            MN316A  | true  | 90 | 75 | false | 1-1460 | false | false | false | 30 | false | 0 | false
            MN318   | true  | 90 | 75 | true  | 0-4096 | true  | false | true  | 30 | false | 0 | false
            MN319   | true  | 90 | 75 | true  | 1-1460 | false | false | false | 30 | false | 0 | false
            MN326   | false | 30 | 90 | false | 0-4096 | true  | false | false | 30 | false | 0 | false
            ML302A  | true  | 90 | 75 | true  | 0-4096 | true  | true  | true  | 10 | true  | 0 | true
            ML305A  | true  | 90 | 75 | true  | 0-4096 | true  | true  | true  | 10 | true  | 0 | true
            ML307A  | true  | 90 | 75 | true  | 0-4096 | true  | true  | true  | 10 | true  | 0 | true
            ML302S  | true  | 90 | 75 | true  | 0-4096 | true  | true  | true  | 10 | true  | 0 | true
            ML307S  | true  | 90 | 75 | true  | 0-4096 | true  | true  | true  | 10 | true  | 0 | true
            ML305U  | true  | 90 | 75 | true  | 0-4096 | true  | true  | true  | 10 | true  | 0 | true
            ML305M  | true  | 90 | 75 | true  | 0-4096 | true  | true  | true  | 10 | true  | 0 | true
            ML307R  | true  | 90 | 75 | true  | 0-4096 | true  | true  | true  | 10 | true  | 0 | true
            ML307G  | true  | 90 | 75 | true  | 0-4096 | true  | true  | true  | 10 | true  | 1 | true
            """)
    void tableC(String family, boolean openTimeoutHonoured, int keepIdle, int keepInterval, boolean ackUrc,
                String readLength, boolean multiPacketRead, boolean dnsCid, boolean pingCid, int dnsTime,
                boolean failureAsErrorCode, int cachedModeDefault, boolean bothFamilies) {
        ModelFacts facts = EmulatedFamily.parse(family).facts();
        assertThat(facts.open().timeoutEffective()).isEqualTo(openTimeoutHonoured);
        assertThat(facts.keepAlive()).isEqualTo(new ModelFacts.KeepAlive(keepIdle, keepInterval));
        assertThat(facts.receive().ackUrc()).isEqualTo(ackUrc);
        assertThat(facts.receive().readLength()).isEqualTo(range(readLength).orElseThrow());
        assertThat(facts.receive().multiPacketRead()).isEqualTo(multiPacketRead);
        assertThat(facts.dns().cid()).isEqualTo(dnsCid);
        assertThat(facts.pingCid()).isEqualTo(pingCid);
        assertThat(facts.dns().timeoutDefault()).isEqualTo(dnsTime);
        assertThat(facts.open().failureAsErrorCode()).isEqualTo(failureAsErrorCode);
        assertThat(facts.dns().cachedModeDefault()).isEqualTo(cachedModeDefault);
        assertThat(facts.dns().cachedPeriod()).isFalse();
        assertThat(facts.dns().bothFamiliesInResult()).isEqualTo(bothFamilies);
    }

    private static Optional<ParamRange> range(String cell) {
        if (cell.equals("-")) {
            return Optional.empty();
        }
        String[] bounds = cell.split("-");
        return Optional.of(ParamRange.of(Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1])));
    }

    private static Set<DnsCfgOption> dnsOptions(String cell) {
        return Arrays.stream(cell.split(" ")).map(DnsCfgOption::ofWireName).collect(Collectors.toSet());
    }
}
