package io.mipgate.at.command;

import static io.mipgate.at.model.ModelFamily.ML302A;
import static io.mipgate.at.model.ModelFamily.ML302S;
import static io.mipgate.at.model.ModelFamily.ML305A;
import static io.mipgate.at.model.ModelFamily.ML305M;
import static io.mipgate.at.model.ModelFamily.ML305U;
import static io.mipgate.at.model.ModelFamily.ML307A;
import static io.mipgate.at.model.ModelFamily.ML307G;
import static io.mipgate.at.model.ModelFamily.ML307R;
import static io.mipgate.at.model.ModelFamily.ML307S;
import static io.mipgate.at.model.ModelFamily.MN316;
import static io.mipgate.at.model.ModelFamily.MN316A;
import static io.mipgate.at.model.ModelFamily.MN316_S;
import static io.mipgate.at.model.ModelFamily.MN318;
import static io.mipgate.at.model.ModelFamily.MN319;
import static io.mipgate.at.model.ModelFamily.MN326;
import static io.mipgate.domain.MipCfgOption.ACKMODE;
import static io.mipgate.domain.MipCfgOption.CID;
import static io.mipgate.domain.MipCfgOption.RCVBUF;
import static io.mipgate.domain.MipCfgOption.SNDBUF;
import static io.mipgate.domain.MipCfgOption.SSL;
import static io.mipgate.domain.MipCfgOption.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mipgate.at.model.ModelFamily;
import io.mipgate.at.model.ModelProfiles;
import io.mipgate.domain.AccessMode;
import io.mipgate.domain.CloseMode;
import io.mipgate.domain.DnsCfgOption;
import io.mipgate.domain.InvalidParameterException;
import io.mipgate.domain.MipCfgOption;
import io.mipgate.domain.Protocol;
import io.mipgate.domain.SendFormat;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command form with optional fields, encoded for each of the fifteen families and compared with the exact line
 * the reference gives for that family, or refused where the family lacks the field. A field the caller leaves out is
 * left out (or left empty where a later one must keep its position, AT-REFERENCE §1.4), never filled with a default,
 * and a field the family lacks is never written at all.
 *
 * <p>The expectations come from {@link Row}, a copy of the reference's capability matrix (§5 Tables A–C), not from
 * {@code ModelProfiles}: the test checks the profile data as much as the encoders.
 */
class PerModelOptionalFieldsTest {

    private enum Rai { NONE, UDP_ONLY }

    /** One family's row of AT-REFERENCE §5, written out from the reference. */
    private record Row(ModelFamily family, int maxConnectId, Rai rai, boolean seq, boolean emptyDatagram,
                       int promptMax, boolean transparent, boolean closeMode, Set<MipCfgOption> cfgUnsupported,
                       int sendTimeoutMax, int udpRcvbufMin, Set<DnsCfgOption> dns, boolean cachedPeriod,
                       boolean gipCid, boolean pingCid, int readLenMin, int readLenMax, boolean multiPacketRead) {

        boolean nb() {
            return family.isNb();
        }
    }

    private static final Set<DnsCfgOption> NB_DNS =
            EnumSet.of(DnsCfgOption.IP, DnsCfgOption.IPV6, DnsCfgOption.PRIORITY, DnsCfgOption.TIMEOUT);
    private static final Set<DnsCfgOption> CAT1_DNS = EnumSet.of(DnsCfgOption.PRIORITY);
    /** FIELD-NOTES §9: ML307 firmware also answers "ip". */
    private static final Set<DnsCfgOption> ML307_DNS = EnumSet.of(DnsCfgOption.PRIORITY, DnsCfgOption.IP);

    static final List<Row> MATRIX = List.of(
            nb(MN316, 4, Rai.UDP_ONLY, false, EnumSet.of(CID, TIMEOUT, SNDBUF, ACKMODE, SSL), 4096, false, 0, 4096, true),
            nb(MN316_S, 4, Rai.UDP_ONLY, false, EnumSet.of(CID, TIMEOUT, SNDBUF, ACKMODE, SSL), 4096, false, 0, 4096, true),
            nb(MN316A, 3, Rai.UDP_ONLY, false, EnumSet.of(CID, TIMEOUT, SNDBUF, SSL), 1, false, 1, 1460, false),
            nb(MN318, 5, Rai.UDP_ONLY, false, EnumSet.of(TIMEOUT, SNDBUF, RCVBUF, SSL), 0, true, 0, 4096, true),
            nb(MN319, 3, Rai.NONE, true, EnumSet.of(CID, TIMEOUT, SNDBUF, SSL), 1, false, 1, 1460, false),
            nb(MN326, 4, Rai.UDP_ONLY, false, EnumSet.of(CID, TIMEOUT, SNDBUF, ACKMODE, SSL), 4096, false, 0, 4096, true),
            cat1(ML302A, 8192, 120, 1460, false, CAT1_DNS),
            cat1(ML305A, 8192, 120, 1460, false, CAT1_DNS),
            cat1(ML307A, 8192, 120, 1460, false, ML307_DNS),
            cat1(ML302S, 8192, 120, 1460, false, CAT1_DNS),
            cat1(ML307S, 8192, 120, 1460, false, ML307_DNS),
            cat1(ML305U, 4096, 180, 1, false, CAT1_DNS),
            cat1(ML305M, 8192, 120, 1460, false, CAT1_DNS),
            cat1(ML307R, 8192, 120, 1460, false, ML307_DNS),
            cat1(ML307G, 8192, 120, 1460, true, EnumSet.of(DnsCfgOption.PRIORITY, DnsCfgOption.CACHED, DnsCfgOption.IP)));

    /** NB rows: no {@code >} mode, no transparent mode, no configurable close mode, DNS without "cached", no GIP cid. */
    private static Row nb(ModelFamily family, int maxId, Rai rai, boolean emptyDatagram, Set<MipCfgOption> unsupported,
                          int udpRcvbufMin, boolean pingCid, int readLenMin, int readLenMax, boolean multiPacketRead) {
        return new Row(family, maxId, rai, true, emptyDatagram, 0, false, false, unsupported, 0, udpRcvbufMin,
                NB_DNS, false, false, pingCid, readLenMin, readLenMax, multiPacketRead);
    }

    /** Cat.1 rows: ids 0~5, no RAI/seq, only "sndbuf" unsupported, GIP/ping cid, reads 0~4096. */
    private static Row cat1(ModelFamily family, int promptMax, int sendTimeoutMax, int udpRcvbufMin, boolean closeMode,
                            Set<DnsCfgOption> dns) {
        return new Row(family, 5, Rai.NONE, false, false, promptMax, true, closeMode, EnumSet.of(SNDBUF),
                sendTimeoutMax, udpRcvbufMin, dns, false, true, true, 0, 4096, true);
    }

    /** One encoding: the exact line (without CR) the family takes, or null where it must be refused. */
    record Case(String section, ModelFamily family, AtCommand command, String line) {
        @Override
        public String toString() {
            return section + " " + family + ": " + (line == null ? "refused " + command.describe() : line);
        }
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (Row row : MATRIX) {
            connectIds(row, cases);
            mipSend(row, cases);
            mipOpen(row, cases);
            mipClose(row, cases);
            mipTka(row, cases);
            mipMode(row, cases);
            mipCfg(row, cases);
            mipRd(row, cases);
            mdnsCfg(row, cases);
            mdnsGip(row, cases);
            mPing(row, cases);
            mNtp(row, cases);
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void encodesTheFamilysFormOrRefusesIt(Case c) {
        var profile = ModelProfiles.of(c.family());
        if (c.line() == null) {
            assertThatThrownBy(() -> c.command().encode(profile)).isInstanceOf(InvalidParameterException.class);
        } else {
            assertThat(new String(c.command().encode(profile), StandardCharsets.ISO_8859_1)).isEqualTo(c.line() + "\r");
        }
    }

    // §1.6: <connect_id> 0~5; MN316/MN316-S/MN326 0~4; MN316A/MN319 0~3.
    private static void connectIds(Row row, List<Case> cases) {
        int max = row.maxConnectId();
        add(cases, "§1.6 connect_id", row, new MipState.Query(max), "AT+MIPSTATE=" + max);
        add(cases, "§1.6 connect_id", row, new MipState.Query(max + 1), null);
    }

    // §2.5.1 Form A: AT+MIPSEND=<id>,<len>,<data>[,<rai>[,<seq>]]; fn 22 (RAI UDP-only on NB, none on MN319/Cat.1),
    // fn 23 (seq NB only). Form B (>, Cat.1, ML305U 4096, fn 20), Form C (Cat.1), Form D (empty datagram, MN319, fn 19).
    private static void mipSend(Row row, List<Case> cases) {
        String section = "§2.5.1 AT+MIPSEND";
        String data = "AT+MIPSEND=0,3,\"abc\"";
        add(cases, section + " no options", row, inline(true, null, null), data);
        add(cases, section + " no length check", row, inline(false, null, null), "AT+MIPSEND=0,0,\"abc\"");
        boolean rai = row.rai() != Rai.NONE;
        add(cases, section + " rai", row, inline(true, 1, null), rai ? data + ",1" : null);
        add(cases, section + " seq without rai", row, inline(true, null, 7), row.seq() ? data + ",,7" : null);
        add(cases, section + " rai and seq", row, inline(true, 2, 7), rai && row.seq() ? data + ",2,7" : null);
        boolean prompt = row.promptMax() > 0;
        add(cases, section + " > mode", row, new MipSend.Prompt(0, Math.max(1, row.promptMax())),
                prompt ? "AT+MIPSEND=0," + row.promptMax() : null);
        add(cases, section + " > mode over the limit", row, new MipSend.Prompt(0, row.promptMax() + 1), null);
        add(cases, section + " > mode without length", row, new MipSend.Unspecified(0), prompt ? "AT+MIPSEND=0" : null);
        add(cases, section + " empty datagram", row, new MipSend.EmptyDatagram(0),
                row.emptyDatagram() ? "AT+MIPSEND=0,0" : null);
    }

    private static AtCommand inline(boolean lengthCheck, Integer rai, Integer seq) {
        return new MipSend.Inline(0, "abc".getBytes(StandardCharsets.US_ASCII), SendFormat.ASCII, lengthCheck, rai, seq);
    }

    // §2.3.1: AT+MIPOPEN=<id>,<proto>,<address>,<port>[,<timeout>[,<access_mode>[,<local_port>]]]; fn 14 (no
    // transparent mode on NB). Skipped middle fields stay empty so later ones keep their position (§1.4).
    private static void mipOpen(Row row, List<Case> cases) {
        String section = "§2.3.1 AT+MIPOPEN";
        String head = "AT+MIPOPEN=0,\"TCP\",\"10.0.0.1\",2040";
        add(cases, section, row, open(null, null, null), head);
        add(cases, section + " timeout", row, open(30, null, null), head + ",30");
        add(cases, section + " access mode", row, open(null, AccessMode.STREAM_BUFFER, null), head + ",,2");
        add(cases, section + " local port", row, open(null, null, 40000), head + ",,,40000");
        add(cases, section + " transparent", row, open(null, AccessMode.TRANSPARENT, null),
                row.transparent() ? head + ",,1" : null);
    }

    private static AtCommand open(Integer timeout, AccessMode mode, Integer localPort) {
        return new MipOpen(0, Protocol.TCP, "10.0.0.1", 2040, timeout, mode, localPort);
    }

    // §2.4.2 fn 17: <mode> configurable on ML307G only (0~3).
    private static void mipClose(Row row, List<Case> cases) {
        add(cases, "§2.4.1 AT+MIPCLOSE", row, MipClose.of(0), "AT+MIPCLOSE=0");
        add(cases, "§2.4.2 AT+MIPCLOSE mode", row, new MipClose(0, CloseMode.RESET),
                row.closeMode() ? "AT+MIPCLOSE=0,3" : null);
    }

    // §2.2.1: AT+MIPTKA=<id>,<keepalive>[,<keepidle>[,<keepinterval>[,<keepcount>]]], same on every family.
    private static void mipTka(Row row, List<Case> cases) {
        String section = "§2.2.1 AT+MIPTKA";
        add(cases, section, row, new MipTka.Set(0, true, null, null, null), "AT+MIPTKA=0,1");
        add(cases, section, row, new MipTka.Set(0, true, 120, null, null), "AT+MIPTKA=0,1,120");
        add(cases, section, row, new MipTka.Set(0, true, 120, 60, 1), "AT+MIPTKA=0,1,120,60,1");
    }

    // §2.7.2: <packet_size> (transparent only, no transparent mode on NB, fn 29); <waittm> configurable nowhere (fn 31).
    private static void mipMode(Row row, List<Case> cases) {
        String section = "§2.7.2 AT+MIPMODE";
        add(cases, section, row, MipMode.Set.to(0, AccessMode.STREAM_BUFFER), "AT+MIPMODE=0,2");
        add(cases, section + " packet_size", row, new MipMode.Set(0, AccessMode.TRANSPARENT, 1024, null),
                row.transparent() ? "AT+MIPMODE=0,1,1024" : null);
        add(cases, section + " waittm", row, new MipMode.Set(0, AccessMode.TRANSPARENT, 1024, 200), null);
    }

    // §2.1.1 fn 1, fn 6: unsupported options per family; fn 5 send_timeout range; fn 7 UDP rcvbuf range.
    private static void mipCfg(Row row, List<Case> cases) {
        String section = "§2.1.1 AT+MIPCFG";
        add(cases, section + " cid", row, new MipCfg.Cid(0, 1), supported(row, CID, "AT+MIPCFG=\"cid\",0,1"));
        add(cases, section + " timeout", row, new MipCfg.SendTimeout(0, Math.max(1, row.sendTimeoutMax())),
                supported(row, TIMEOUT, "AT+MIPCFG=\"timeout\",0," + row.sendTimeoutMax()));
        add(cases, section + " timeout over the limit", row, new MipCfg.SendTimeout(0, row.sendTimeoutMax() + 1), null);
        add(cases, section + " sndbuf", row, new MipCfg.SendBuffer(0, 1460), null);
        add(cases, section + " rcvbuf", row, new MipCfg.ReceiveBuffer(0, Math.max(1, row.udpRcvbufMin())),
                supported(row, RCVBUF, "AT+MIPCFG=\"rcvbuf\",0," + row.udpRcvbufMin()));
        add(cases, section + " ackmode", row, new MipCfg.AckMode(0, true), supported(row, ACKMODE, "AT+MIPCFG=\"ackmode\",0,1"));
        add(cases, section + " ssl", row, new MipCfg.Ssl(0, true, 0), supported(row, SSL, "AT+MIPCFG=\"ssl\",0,1,0"));
        add(cases, section + " query all", row, MipCfg.Query.all(MipCfgOption.ENCODING), "AT+MIPCFG=\"encoding\"");
    }

    private static String supported(Row row, MipCfgOption option, String line) {
        return row.cfgUnsupported().contains(option) ? null : line;
    }

    // §2.6.2: <read_len> 0~4096, MN316A/MN319 1~1460 (fn 26); <pack_count> one packet per read there (fn 27).
    private static void mipRd(Row row, List<Case> cases) {
        String section = "§2.6.2 AT+MIPRD";
        add(cases, section + " read_len max", row, MipRd.Read.bytes(0, row.readLenMax()), "AT+MIPRD=0," + row.readLenMax());
        add(cases, section + " read_len 0 (everything)", row, MipRd.Read.bytes(0, 0),
                row.readLenMin() == 0 ? "AT+MIPRD=0,0" : null);
        add(cases, section + " pack_count 2", row, MipRd.Read.packets(0, 2), row.multiPacketRead() ? "AT+MIPRD=0,2" : null);
    }

    // §2.10.1: NB has "ip"/"ipv6"/"priority"/"timeout"; Cat.1 only "priority"; ML307G also "cached" without
    // <cached_period> (fn 35). Optional second values are left out when not given.
    private static void mdnsCfg(Row row, List<Case> cases) {
        String section = "§2.10.1 AT+MDNSCFG";
        boolean ip = row.dns().contains(DnsCfgOption.IP);
        add(cases, section + " ip", row, new MdnsCfg.Servers(false, "8.8.8.8", null), ip ? "AT+MDNSCFG=\"ip\",\"8.8.8.8\"" : null);
        add(cases, section + " ip both", row, new MdnsCfg.Servers(false, "8.8.8.8", "1.1.1.1"),
                ip ? "AT+MDNSCFG=\"ip\",\"8.8.8.8\",\"1.1.1.1\"" : null);
        add(cases, section + " priority", row, new MdnsCfg.Priority(true), "AT+MDNSCFG=\"priority\",1");
        boolean timeout = row.dns().contains(DnsCfgOption.TIMEOUT);
        add(cases, section + " timeout", row, new MdnsCfg.Timeout(10, null), timeout ? "AT+MDNSCFG=\"timeout\",10" : null);
        add(cases, section + " timeout retries", row, new MdnsCfg.Timeout(10, 2), timeout ? "AT+MDNSCFG=\"timeout\",10,2" : null);
        boolean cached = row.dns().contains(DnsCfgOption.CACHED);
        add(cases, section + " cached", row, new MdnsCfg.Cache(false, null), cached ? "AT+MDNSCFG=\"cached\",0" : null);
        add(cases, section + " cached period", row, new MdnsCfg.Cache(false, 60),
                cached && row.cachedPeriod() ? "AT+MDNSCFG=\"cached\",0,60" : null);
    }

    // §2.11.2 fn 36: <cid> on Cat.1 only.
    private static void mdnsGip(Row row, List<Case> cases) {
        add(cases, "§2.11.1 AT+MDNSGIP", row, MdnsGip.of("a.cn"), "AT+MDNSGIP=\"a.cn\"");
        add(cases, "§2.11.2 AT+MDNSGIP cid", row, new MdnsGip("a.cn", 1), row.gipCid() ? "AT+MDNSGIP=\"a.cn\",1" : null);
    }

    // §2.12.1: AT+MPING=<host>[,<timeout>[,<ping_num>[,<packet_len>[,<cid>]]]]; fn 37 (<cid> on Cat.1 and MN318).
    private static void mPing(Row row, List<Case> cases) {
        String section = "§2.12.1 AT+MPING";
        add(cases, section, row, MPing.of("a.cn"), "AT+MPING=\"a.cn\"");
        add(cases, section + " timeout", row, new MPing("a.cn", 5, null, null, null), "AT+MPING=\"a.cn\",5");
        add(cases, section + " packet_len", row, new MPing("a.cn", null, null, 32, null), "AT+MPING=\"a.cn\",,,32");
        add(cases, section + " cid", row, new MPing("a.cn", null, null, null, 1), row.pingCid() ? "AT+MPING=\"a.cn\",,,,1" : null);
    }

    // §2.15.1: AT+MNTP=<server>[,<port>[,<sync>[,<timeout>]]], same on every family.
    private static void mNtp(Row row, List<Case> cases) {
        String section = "§2.15.1 AT+MNTP";
        add(cases, section, row, new MNtp("a.cn", null, null, null), "AT+MNTP=\"a.cn\"");
        add(cases, section + " sync", row, new MNtp("a.cn", null, false, null), "AT+MNTP=\"a.cn\",,0");
        add(cases, section + " timeout", row, new MNtp("a.cn", null, null, 30), "AT+MNTP=\"a.cn\",,,30");
    }

    private static void add(List<Case> cases, String section, Row row, AtCommand command, String line) {
        cases.add(new Case(section, row.family(), command, line));
    }
}
