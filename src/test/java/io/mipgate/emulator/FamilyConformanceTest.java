package io.mipgate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.mipgate.domain.DnsCfgOption;
import io.mipgate.domain.MipCfgOption;
import io.mipgate.emulator.model.EmulatedFamily;
import io.mipgate.emulator.model.ModelFacts;
import io.mipgate.emulator.model.ParamRange;
import io.mipgate.emulator.net.LoopbackDnsServer;
import io.mipgate.emulator.net.TcpEchoServer;
import io.mipgate.emulator.net.UdpEchoServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every command of AT-REFERENCE §2 on every family, in each form the family has: the test answer, the defaults a
 * query shows, each range's bounds accepted and the values just outside refused, the options and parameters the
 * family lacks refused, and the reference's error codes and URCs the family can produce. The walk is driven by the
 * family's own {@link ModelFacts}; {@code model.ModelFactsTableTest} holds those facts to the reference's capability
 * matrix (§5) cell by cell, so a wrong fact fails there and a command that ignores a fact fails here. Wire text the
 * V5 manual fixes comes from {@link V5Wire}. Refusals are {@code +CME ERROR: 50} (FIELD §3: ML307 answers 50 to bad
 * parameters; the manual gives no code), commands or forms a family lacks a bare {@code ERROR} (§1.2).
 */
class FamilyConformanceTest {

    private static final String BAD = "+CME ERROR: 50";

    private static TcpEchoServer tcpEcho;
    private static UdpEchoServer udpEcho;
    private static LoopbackDnsServer dns;
    private static int closedPort;

    private EmulatorHarness at;

    @BeforeAll
    static void peers() throws Exception {
        tcpEcho = TcpEchoServer.start();
        udpEcho = UdpEchoServer.start();
        dns = LoopbackDnsServer.start().addA("echo.mipgate.test", "127.0.0.1");
        try (TcpEchoServer closed = TcpEchoServer.start()) {
            closedPort = closed.port();
        }
    }

    @AfterAll
    static void stopPeers() throws Exception {
        tcpEcho.close();
        udpEcho.close();
        dns.close();
    }

    @AfterEach
    void tearDown() {
        if (at != null) {
            at.close();
        }
    }

    /**
     * The walk reads the manual's V5.0.0 output; ML302A/ML305A emulate the older firmware's by default (FIELD-NOTES
     * §14), walked in {@link LegacyDialectConformanceTest}, and are here run with the output the manual gives them.
     */
    private ModelFacts start(EmulatedFamily family) {
        at = EmulatorHarness.start(EmulatorHarness.fast(family).dialect(io.mipgate.emulator.model.Dialect.V5_MANUAL)
                .dnsPort(dns.port()).build());
        return family.facts();
    }

    private void refused(String command) {
        at.exchange(command, BAD);
    }

    /** Both bounds of {@code range} accepted, one past each refused: {@code command} is the text before the value. */
    private void bounds(String command, ParamRange range, String tail) {
        at.exchange(command + range.min() + tail, "OK");
        at.exchange(command + range.max() + tail, "OK");
        if (range.min() > 0) {
            refused(command + (range.min() - 1) + tail);
        }
        refused(command + (range.max() + 1) + tail);
    }

    private static String quoted(MipCfgOption option) {
        return "\"" + option.wireName() + "\"";
    }

    // ------------------------------------------------------------------ AT+MIPCFG, AT+MIPTKA (§2.1, §2.2)

    @ParameterizedTest
    @EnumSource(EmulatedFamily.class)
    void configurationCommands(EmulatedFamily family) {
        ModelFacts model = start(family);
        V5Wire wire = V5Wire.of(family);
        int max = model.connectIds().max();

        at.command("AT+MIPCFG=?");
        assertThat(at.linesUntilFinal()).containsExactlyElementsOf(wire.mipcfgTest());
        at.exchange("AT+MIPCFG?", "ERROR");
        at.exchange("AT+MIPCFG", "ERROR");
        refused("AT+MIPCFG=\"nosuch\",0");
        for (MipCfgOption option : MipCfgOption.values()) {
            String name = quoted(option);
            if (!model.supports(option)) { // §2.1.2 fn 1, fn 6
                refused("AT+MIPCFG=" + name);
                refused("AT+MIPCFG=" + name + ",0");
                continue;
            }
            at.command("AT+MIPCFG=" + name);
            List<String> all = at.linesUntilFinal();
            assertThat(all).hasSize(max + 2).last().isEqualTo("OK");
            assertThat(all.get(max)).isEqualTo(wire.mipcfgDefault(option, max));
            at.exchange("AT+MIPCFG=" + name + ",0", wire.mipcfgDefault(option, 0), "OK");
            refused("AT+MIPCFG=" + name + "," + (max + 1));
        }
        setEveryOptionAtItsBounds(model);

        at.exchange("AT+MIPTKA=?", wire.miptkaTest(), "OK");
        at.command("AT+MIPTKA?");
        List<String> keepAlive = at.linesUntilFinal();
        assertThat(keepAlive).hasSize(max + 2).contains("+MIPTKA: 0,0", "+MIPTKA: " + max + ",0");
        at.exchange("AT+MIPTKA", "ERROR");
        at.exchange("AT+MIPTKA=1,1", "OK");
        at.exchange("AT+MIPTKA=1", "+MIPTKA: 1,1," + model.keepAlive().keepIdleDefault() + ","
                + model.keepAlive().keepIntervalDefault() + ",3", "OK"); // fn 9, fn 10
        bounds("AT+MIPTKA=0,", ParamRange.of(0, 1), "");
        bounds("AT+MIPTKA=0,1,", ParamRange.of(30, 7200), ",75,3");
        bounds("AT+MIPTKA=0,1,90,", ParamRange.of(30, 600), ",3");
        bounds("AT+MIPTKA=0,1,90,75,", ParamRange.of(1, 9), "");
        at.exchange("AT+MIPTKA=0,1,120,60,1", "OK");
        at.exchange("AT+MIPTKA=0", "+MIPTKA: 0,1,120,60,1", "OK");
        refused("AT+MIPTKA=" + (max + 1) + ",0");
        refused("AT+MIPTKA=0,1,90,75,3,1");

        // AT+MIPCFG and AT+MIPTKA hold for the current power-on cycle only (§1.5)
        reboot();
        at.exchange("AT+MIPCFG=\"encoding\",0", wire.mipcfgDefault(MipCfgOption.ENCODING, 0), "OK");
        at.exchange("AT+MIPCFG=\"autofree\",0", wire.mipcfgDefault(MipCfgOption.AUTOFREE, 0), "OK");
        at.exchange("AT+MIPTKA=0", "+MIPTKA: 0,0", "OK");
    }

    private void reboot() {
        at.exchange("AT+MREBOOT", "OK", "REBOOTING", "+MATREADY");
        at.echo(true);
        at.exchange("ATE0", "OK");
        at.echo(false);
    }

    private void setEveryOptionAtItsBounds(ModelFacts model) {
        if (model.supports(MipCfgOption.CID)) {
            // "when given, that context must already be active" (§2.1.3): only context 1 carries the data call
            at.exchange("AT+MIPCFG=\"cid\",0,1", "OK");
            at.exchange("AT+MIPCFG=\"cid\",0,15", "+CME ERROR: 570");
            refused("AT+MIPCFG=\"cid\",0,0");
            refused("AT+MIPCFG=\"cid\",0,16");
            at.exchange("AT+MIPCFG=\"cid\",0", "+MIPCFG: \"cid\",0,1", "OK");
        }
        at.exchange("AT+MIPCFG=\"encoding\",0,2,1", "OK");
        at.exchange("AT+MIPCFG=\"encoding\",0", "+MIPCFG: \"encoding\",0,2,1", "OK");
        refused("AT+MIPCFG=\"encoding\",0,3,0");
        refused("AT+MIPCFG=\"encoding\",0,0,2");
        refused("AT+MIPCFG=\"encoding\",0,1"); // both formats together (§2.1.1)
        model.send().sendTimeout().ifPresent(range -> bounds("AT+MIPCFG=\"timeout\",0,", range, "")); // fn 5
        bounds("AT+MIPCFG=\"autofree\",0,", ParamRange.of(0, 1), "");
        refused("AT+MIPCFG=\"sndbuf\",0,1460"); // no family sets it (fn 6, fn 1)
        model.receive().udpRcvbuf().ifPresent(range -> bounds("AT+MIPCFG=\"rcvbuf\",0,", range, "")); // fn 7
        if (model.supports(MipCfgOption.ACKMODE)) {
            bounds("AT+MIPCFG=\"ackmode\",0,", ParamRange.of(0, 1), "");
        }
        if (model.supports(MipCfgOption.SSL)) {
            bounds("AT+MIPCFG=\"ssl\",0,", ParamRange.of(0, 1), ",0");
            bounds("AT+MIPCFG=\"ssl\",0,0,", ParamRange.of(0, 5), "");
            refused("AT+MIPCFG=\"ssl\",0,1"); // both values together (§2.1.1)
        }
    }

    // ------------------------------------------------------------------ connections (§2.3–§2.9, §2.14)

    @ParameterizedTest
    @EnumSource(EmulatedFamily.class)
    void openCloseAndStateOfConnections(EmulatedFamily family) {
        ModelFacts model = start(family);
        V5Wire wire = V5Wire.of(family);
        int max = model.connectIds().max();
        String echo = "\"127.0.0.1\"," + tcpEcho.port();

        at.exchange("AT+MIPOPEN=?", wire.mipopenTest(), "OK");
        at.exchange("AT+MIPOPEN?", "ERROR");
        refused("AT+MIPOPEN=" + (max + 1) + ",\"TCP\"," + echo);
        refused("AT+MIPOPEN=0,\"SSL\"," + echo);
        refused("AT+MIPOPEN=0,\"TCP\",\"127.0.0.1\",65536");
        refused("AT+MIPOPEN=0,\"TCP\"," + echo + ",0");
        refused("AT+MIPOPEN=0,\"TCP\"," + echo + ",181");
        refused("AT+MIPOPEN=0,\"TCP\"," + echo + ",60,4");
        refused("AT+MIPOPEN=0,\"TCP\"," + echo + ",60,3"); // packet buffer is UDP only
        refused("AT+MIPOPEN=0,\"UDP\",\"127.0.0.1\"," + udpEcho.port() + ",60,2"); // stream buffer is TCP only
        refused("AT+MIPOPEN=0,\"TCP\"," + echo + ",60,0,65536");
        refused("AT+MIPOPEN=0,\"TCP\",\"" + "h".repeat(256) + "\",80");
        if (!model.transparentMode()) {
            refused("AT+MIPOPEN=0,\"TCP\"," + echo + ",60,1"); // fn 14
        }
        // a refused connect: NB reports 1, Cat.1 the code (fn 15)
        at.exchange("AT+MIPOPEN=" + max + ",\"TCP\",\"127.0.0.1\"," + closedPort, "OK",
                "+MIPOPEN: " + max + "," + (model.open().failureAsErrorCode() ? 557 : 1));
        at.exchange("AT+MIPSTATE=" + max, "+MIPSTATE: " + max + ",,,,\"INITIAL\"", "OK");

        at.exchange("AT+MIPOPEN=0,\"TCP\"," + echo, "OK", "+MIPOPEN: 0,0");
        at.exchange("AT+MIPOPEN=0,\"TCP\"," + echo, "+CME ERROR: 552");
        at.exchange("AT+MIPSTATE=0", "+MIPSTATE: 0,\"TCP\"," + echo + ",\"CONNECTED\"", "OK");
        at.command("AT+MIPSTATE?");
        List<String> states = at.linesUntilFinal();
        assertThat(states).hasSize(max + 2).contains("+MIPSTATE: 1,,,,\"INITIAL\"").last().isEqualTo("OK");
        at.exchange("AT+MIPSTATE=?", "ERROR");
        refused("AT+MIPSTATE=" + (max + 1));

        at.exchange("AT+MIPCLOSE=?", wire.mipcloseTest(), "OK");
        refused("AT+MIPCLOSE=" + (max + 1));
        refused("AT+MIPCLOSE=0," + (model.close().configurableModes().map(ParamRange::max).orElse(3) + 1));
        at.exchange("AT+MIPCLOSE=1", "+CME ERROR: 551");
        at.exchange("AT+MIPCLOSE=0", "OK", "+MIPCLOSE: 0");
        at.exchange("AT+MIPSTATE=0", "+MIPSTATE: 0,,,,\"INITIAL\"", "OK");
        at.exchange("AT+MIPCLOSE=0", "+CME ERROR: 551");

        if (model.transparentMode()) { // §2.3.2 access mode 1, §2.13 +++
            at.exchange("AT+MIPOPEN=2,\"TCP\",\"127.0.0.1\"," + closedPort + ",60,1", "OK", "+MIPOPEN: 2,557");
            at.exchange("AT+MIPOPEN=2,\"TCP\"," + echo + ",60,1", "OK", "CONNECT");
            at.send("AT+MIPCLOSE=2\r");
            at.expectBytes("AT+MIPCLOSE=2\r"); // data, not a command
            at.expectSilence(java.time.Duration.ofMillis(120)); // the guard time before the escape
            at.send("+++");
            at.expectLine("OK");
            at.exchange("AT+MIPMODE=2", "+MIPMODE: 2,0", "OK");
            at.exchange("AT+MIPCLOSE=2", "OK", "+MIPCLOSE: 2");
        }
        if (model.sack()) {
            at.exchange("AT+MIPSACK=?", wire.mipsackTest(), "OK");
            at.exchange("AT+MIPSACK=0", "+CME ERROR: 553");
            refused("AT+MIPSACK=" + (max + 1));
        } else { // §2.9: MN316, MN316-S, MN326 have no AT+MIPSACK
            at.exchange("AT+MIPSACK=?", "ERROR");
            at.exchange("AT+MIPSACK=0", "ERROR");
        }
    }

    @ParameterizedTest
    @EnumSource(EmulatedFamily.class)
    void sendingReadingAndModesOnTcp(EmulatedFamily family) {
        ModelFacts model = start(family);
        V5Wire wire = V5Wire.of(family);
        at.exchange("AT+MIPSEND=?", wire.mipsendTest(), "OK");
        at.exchange("AT+MIPRD=?", wire.miprdTest(), "OK");
        at.exchange("AT+MIPMODE=?", wire.mipmodeTest(), "OK");
        at.exchange("AT+MIPSEND=0,5,\"hello\"", "+CME ERROR: 553");
        at.exchange("AT+MIPRD=0", "+CME ERROR: 553");
        at.exchange("AT+MIPMODE=0", "+CME ERROR: 553");
        if (model.supports(MipCfgOption.ACKMODE)) {
            at.exchange("AT+MIPCFG=\"ackmode\",0,1", "OK");
        }
        at.exchange("AT+MIPOPEN=0,\"TCP\",\"127.0.0.1\"," + tcpEcho.port(), "OK", "+MIPOPEN: 0,0");

        at.exchange("AT+MIPSEND=0,5,\"hello\"", "+MIPSEND: 0,5", "OK");
        // the "ack" URC where the family has it (fn 41; MN316A takes "ackmode" but never reports); the echo may
        // overtake it
        boolean acks = model.receive().ackUrc() && model.supports(MipCfgOption.ACKMODE);
        List<String> echoed = acks ? List.of(at.nextLine(), at.nextLine()) : List.of(at.nextLine());
        assertThat(echoed).containsExactlyInAnyOrderElementsOf(acks
                ? List.of("+MIPURC: \"rtcp\",0,5,hello", "+MIPURC: \"ack\",0,5")
                : List.of("+MIPURC: \"rtcp\",0,5,hello"));
        refused("AT+MIPSEND=0,4,\"hello\""); // the typed length must match (§2.5.1)
        refused("AT+MIPSEND=0,1461,\"" + "x".repeat(1461) + "\"");
        refused("AT+MIPSEND=0,5,\"hello\",1"); // no RAI on TCP on any family (fn 22)
        refused("AT+MIPSEND=0,5,\"hello\",,1"); // <seq> is UDP only (fn 23)
        refused("AT+MIPSEND=0,5,\"hello\",,,0"); // <pri_flag> on no family (fn 24)
        int promptMax = model.send().promptMaxLength();
        if (acks && promptMax > 0) {
            acknowledgedSegmentBySegment(promptMax);
        }
        if (model.supports(MipCfgOption.ACKMODE)) {
            at.exchange("AT+MIPCFG=\"ackmode\",0,0", "OK");
        }
        if (promptMax > 0) { // form B, Cat.1 only (fn 20): the largest length the family takes, byte-exact back
            byte[] payload = new byte[promptMax];
            for (int i = 0; i < payload.length; i++) {
                payload[i] = (byte) (i * 7);
            }
            at.command("AT+MIPSEND=0," + promptMax);
            at.expectBytes(SendCommand.PROMPT);
            at.send(payload);
            at.expectLine("+MIPSEND: 0," + promptMax);
            at.expectLine("OK");
            assertThat(at.readPushed("+MIPURC: \"rtcp\",0,", promptMax, false)).isEqualTo(payload);
            refused("AT+MIPSEND=0," + (promptMax + 1));
        } else {
            refused("AT+MIPSEND=0,5");
            refused("AT+MIPSEND=0");
            refused("AT+MIPSEND=0,0"); // no empty datagram on TCP either
        }

        at.exchange("AT+MIPMODE=0", "+MIPMODE: 0,0", "OK");
        refused("AT+MIPMODE=0,3");
        refused("AT+MIPMODE=0,4");
        refused("AT+MIPMODE=0,0,511,200");
        refused("AT+MIPMODE=0,0,1024,99");
        if (!model.transparentMode()) {
            refused("AT+MIPMODE=0,1"); // fn 29
        }
        at.exchange("AT+MIPMODE=0,2", "OK");
        at.exchange("AT+MIPSEND=0,10,\"ABCDE12345\"", "+MIPSEND: 0,10", "OK");
        at.expectLine("+MIPURC: \"rtcp\",0,10,10");
        at.exchange("AT+MIPRD=0", "+MIPRD: 0,10", "OK");
        ParamRange readLength = model.receive().readLength(); // fn 26
        if (readLength.min() > 0) {
            refused("AT+MIPRD=0,0");
        }
        refused("AT+MIPRD=0," + (readLength.max() + 1));
        at.exchange("AT+MIPRD=0,4", "+MIPRD: 0,6,4,ABCD", "OK");
        at.exchange("AT+MIPRD=0," + readLength.max(), "+MIPRD: 0,0,6,E12345", "OK");
        at.exchange("AT+MIPRD=0," + readLength.max(), "OK");
        at.exchange("AT+MIPRD=0", "+MIPRD: 0,0", "OK");
        // HEX in and out (§2.1.3 <send_format> 1: twice the length typed; <recv_format> 1)
        at.exchange("AT+MIPCFG=\"encoding\",0,1,1", "OK");
        refused("AT+MIPSEND=0,3,\"0D0A\"");
        at.exchange("AT+MIPSEND=0,2,\"0D0A\"", "+MIPSEND: 0,2", "OK", "+MIPURC: \"rtcp\",0,2,2");
        // back to normal mode, what is buffered comes out as AT+MIPRD lines before OK (§2.7.1 auto-flush)
        at.exchange("AT+MIPMODE=0,0", "+MIPRD: 0,0,2,0D0A", "OK");
        at.exchange("AT+MIPSEND=0,1,\"FF\"", "+MIPSEND: 0,1", "OK", "+MIPURC: \"rtcp\",0,1,FF");
        at.exchange("AT+MIPCFG=\"encoding\",0,0,0", "OK");
        at.exchange("AT+MIPCLOSE=0", "OK", "+MIPCLOSE: 0");
        at.exchange("AT+MIPSEND=0,5,\"hello\"", "+CME ERROR: 553");
    }

    /**
     * The {@code <length>} of {@code +MIPURC: "ack"} is 1~1460 (§2.14.2): a send larger than a segment is acknowledged
     * in parts that add up to it. Letters only, so that every URC is one line.
     */
    private void acknowledgedSegmentBySegment(int length) {
        byte[] letters = new byte[length];
        for (int i = 0; i < length; i++) {
            letters[i] = (byte) ('A' + i % 26);
        }
        at.command("AT+MIPSEND=0," + length);
        at.expectBytes(SendCommand.PROMPT);
        at.send(letters);
        at.expectLine("+MIPSEND: 0," + length);
        at.expectLine("OK");
        int echoed = 0;
        int acked = 0;
        while (echoed < length || acked < length) {
            String line = at.nextLine();
            if (line.startsWith("+MIPURC: \"ack\",0,")) {
                int part = Integer.parseInt(line.substring("+MIPURC: \"ack\",0,".length()));
                assertThat(part).as(line).isBetween(1, 1460);
                acked += part;
            } else {
                assertThat(line).startsWith("+MIPURC: \"rtcp\",0,");
                echoed += Integer.parseInt(line.split(",", 4)[2]);
            }
        }
        assertThat(acked).isEqualTo(length);
    }

    @ParameterizedTest
    @EnumSource(EmulatedFamily.class)
    void sendingAndBufferingOnUdp(EmulatedFamily family) {
        ModelFacts model = start(family);
        String udp = "\"UDP\",\"127.0.0.1\"," + udpEcho.port();
        at.exchange("AT+MIPOPEN=1," + udp, "OK", "+MIPOPEN: 1,0");
        refused("AT+MIPTKA=1,1"); // no keep-alive on a UDP socket (§2.2.1)
        refused("AT+MIPMODE=1,2"); // stream buffer is TCP only (§2.7.1)
        at.exchange("AT+MIPSEND=1,5,\"hello\"", "+MIPSEND: 1,5", "OK", "+MIPURC: \"rudp\",1,5,hello");
        if (model.send().raiOnUdp()) { // fn 22
            at.exchange("AT+MIPSEND=1,2,\"ab\",2", "+MIPSEND: 1,2", "OK", "+MIPURC: \"rudp\",1,2,ab");
        } else {
            refused("AT+MIPSEND=1,2,\"ab\",2");
        }
        if (model.send().seq()) { // fn 23: the air-interface echo follows the send
            at.exchange("AT+MIPSEND=1,2,\"cd\",,255", "+MIPSEND: 1,2", "OK", "+MIPURC: \"seq\",1,255,0",
                    "+MIPURC: \"rudp\",1,2,cd");
            refused("AT+MIPSEND=1,2,\"cd\",,256");
            refused("AT+MIPSEND=1,2,\"cd\",,0");
        } else {
            refused("AT+MIPSEND=1,2,\"cd\",,1");
        }
        refused("AT+MIPSEND=1,2,\"cd\",,,0"); // <pri_flag> (fn 24)
        if (model.send().udpEmptyPacket()) { // fn 19: MN319 alone sends an empty datagram
            at.exchange("AT+MIPSEND=1,0", "+MIPSEND: 1,0", "OK", "+MIPURC: \"rudp\",1,0,"); // and its echo
        } else if (model.send().unspecifiedLengthPrompt()) { // fn 19 on Cat.1: data mode without a length
            at.command("AT+MIPSEND=1,0");
            at.expectBytes(SendCommand.PROMPT);
            at.send(new byte[] {'x', 'y', PromptInput.CTRL_Z});
            at.expectLine("+MIPSEND: 1,2");
            at.expectLine("OK");
            at.expectLine("+MIPURC: \"rudp\",1,2,xy");
        } else {
            refused("AT+MIPSEND=1,0");
        }
        at.exchange("AT+MIPCLOSE=1", "OK", "+MIPCLOSE: 1");

        // packet buffer: the family's cached-packet limit, then "drop" (§2.6.2 fn 27, fn 39, fn 40; §2.14)
        int limit = model.receive().maxCachedPackets();
        at.exchange("AT+MIPOPEN=2," + udp + ",60,3", "OK", "+MIPOPEN: 2,0");
        List<String> urcs = new java.util.ArrayList<>();
        for (int i = 0; i <= limit; i++) {
            at.command("AT+MIPSEND=2,1,\"" + (char) ('a' + i % 26) + "\"");
            List<String> answer = at.linesUntilFinal();
            assertThat(answer).contains("+MIPSEND: 2,1").last().isEqualTo("OK");
            answer.stream().filter(line -> line.startsWith("+MIPURC:")).forEach(urcs::add);
        }
        while (urcs.size() < limit + 1) {
            urcs.add(at.nextLine());
        }
        assertThat(urcs).hasSize(limit + 1).contains("+MIPURC: \"rudp\",2,1", "+MIPURC: \"rudp\",2," + limit,
                "+MIPURC: \"drop\",2,1");
        at.exchange("AT+MIPRD=2", "+MIPRD: 2," + limit, "OK");
        refused("AT+MIPRD=2," + (limit + 1));
        at.command("AT+MIPRD=2,2");
        List<String> read = at.linesUntilFinal();
        // fn 27: MN316A and MN319 return one packet per read
        assertThat(read).hasSize(model.receive().multiPacketRead() ? 3 : 2).last().isEqualTo("OK");
        assertThat(read.getFirst()).matches("\\+MIPRD: 2," + (limit - 1) + ",1,[a-z]");
        at.exchange("AT+MIPCLOSE=2", "OK", "+MIPCLOSE: 2");
    }

    /**
     * The three {@code <connect_state>}s of {@code "disconn"} (§2.14.2) and what {@code <free_mode>} leaves behind
     * (§2.1.3): released at once (INITIAL) with autofree 0, held as CLOSED until AT+MIPCLOSE with autofree 1.
     */
    @ParameterizedTest
    @EnumSource(EmulatedFamily.class)
    void everyDisconnectStateAndWhatAutofreeLeaves(EmulatedFamily family) throws Exception {
        start(family);
        try (TcpEchoServer peer = TcpEchoServer.start()) {
            String open = ",\"TCP\",\"127.0.0.1\"," + peer.port();
            at.exchange("AT+MIPOPEN=0" + open, "OK", "+MIPOPEN: 0,0");
            assertThat(peer.awaitAccepted(1, EmulatorHarness.WAIT)).isTrue();
            peer.closeAll();
            at.expectLine("+MIPURC: \"disconn\",0,1");
            at.exchange("AT+MIPSTATE=0", "+MIPSTATE: 0,,,,\"INITIAL\"", "OK");

            at.exchange("AT+MIPCFG=\"autofree\",1,1", "OK");
            at.exchange("AT+MIPOPEN=1" + open, "OK", "+MIPOPEN: 1,0");
            at.faults().resetConnection(1);
            at.expectLine("+MIPURC: \"disconn\",1,2");
            at.exchange("AT+MIPSTATE=1", "+MIPSTATE: 1" + open + ",\"CLOSED\"", "OK");
            at.exchange("AT+MIPOPEN=1" + open, "+CME ERROR: 552");
            at.exchange("AT+MIPCLOSE=1", "OK", "+MIPCLOSE: 1");
            at.exchange("AT+MIPSTATE=1", "+MIPSTATE: 1,,,,\"INITIAL\"", "OK");

            at.exchange("AT+MIPOPEN=2" + open, "OK", "+MIPOPEN: 2,0");
            at.faults().dropDataCall();
            at.expectLine("+MIPURC: \"disconn\",2,3");
            at.exchange("AT+MIPOPEN=2" + open, "+CME ERROR: 570");
        }
    }

    // ------------------------------------------------------------------ DNS, ping, time (§2.10–§2.12, §2.15)

    @ParameterizedTest
    @EnumSource(EmulatedFamily.class)
    void dnsPingAndTimeCommands(EmulatedFamily family) {
        ModelFacts model = start(family);
        V5Wire wire = V5Wire.of(family);
        at.command("AT+MDNSCFG=?");
        assertThat(at.linesUntilFinal()).containsExactlyElementsOf(wire.mdnscfgTest());
        for (DnsCfgOption option : DnsCfgOption.values()) {
            String name = "\"" + option.wireName() + "\"";
            if (!model.dns().options().contains(option)) { // §2.10.1 note, fn 35
                refused("AT+MDNSCFG=" + name);
                continue;
            }
            at.exchange("AT+MDNSCFG=" + name, wire.mdnscfgDefault(option), "OK");
        }
        bounds("AT+MDNSCFG=\"priority\",", ParamRange.of(0, 1), "");
        if (model.dns().options().contains(DnsCfgOption.IP)) {
            refused("AT+MDNSCFG=\"ip\",\"300.1.1.1\"");
            refused("AT+MDNSCFG=\"ip\",\"::1\"");
            at.exchange("AT+MDNSCFG=\"ip\",\"\",\"\"", "OK"); // "" clears: the default shows again
            at.exchange("AT+MDNSCFG=\"ip\"", wire.mdnscfgDefault(DnsCfgOption.IP), "OK");
            at.exchange("AT+MDNSCFG=\"ip\",\"127.0.0.1\",\"127.0.0.1\"", "OK");
        }
        if (model.dns().options().contains(DnsCfgOption.IPV6)) {
            refused("AT+MDNSCFG=\"ipv6\",\"127.0.0.1\"");
            at.exchange("AT+MDNSCFG=\"ipv6\",\"::1\"", "OK");
        }
        if (model.dns().options().contains(DnsCfgOption.TIMEOUT)) {
            bounds("AT+MDNSCFG=\"timeout\",", ParamRange.of(1, 60), ",3");
            bounds("AT+MDNSCFG=\"timeout\",5,", ParamRange.of(1, 9), "");
        }
        if (model.dns().options().contains(DnsCfgOption.CACHED)) {
            bounds("AT+MDNSCFG=\"cached\",", ParamRange.of(0, 1), "");
            if (!model.dns().cachedPeriod()) {
                refused("AT+MDNSCFG=\"cached\",1,3600"); // fn 35: ML307G has no <cached_period>
            }
        }

        // NB saves every setting to NV, Cat.1 keeps none over a power cycle (§1.5, §2.10.1 note)
        at.exchange("AT+MDNSCFG=\"priority\",0", "OK");
        reboot();
        at.exchange("AT+MDNSCFG=\"priority\"", "+MDNSCFG: \"priority\"," + (model.dns().persistent() ? 0 : 1), "OK");

        at.exchange("AT+MDNSGIP=?", wire.mdnsgipTest(), "OK");
        refused("AT+MDNSGIP=\"" + "d".repeat(256) + "\"");
        if (model.dns().cid()) { // fn 36
            refused("AT+MDNSGIP=\"echo.mipgate.test\",16");
            at.exchange("AT+MDNSGIP=\"echo.mipgate.test\",2", "+CME ERROR: 570"); // must be active (§2.11.2)
            at.exchange("AT+MDNSGIP=\"echo.mipgate.test\",1", "OK");
        } else {
            refused("AT+MDNSGIP=\"echo.mipgate.test\",1");
            at.exchange("AT+MDNSGIP=\"echo.mipgate.test\"", "OK");
        }
        at.expectLine("+MDNSGIP: \"echo.mipgate.test\",\"127.0.0.1\"");

        at.exchange("AT+MPING=?", wire.mpingTest(), "OK");
        refused("AT+MPING=\"127.0.0.1\",0");
        refused("AT+MPING=\"127.0.0.1\",61");
        refused("AT+MPING=\"127.0.0.1\",1,0");
        refused("AT+MPING=\"127.0.0.1\",1,65536");
        refused("AT+MPING=\"127.0.0.1\",1,1,0");
        refused("AT+MPING=\"127.0.0.1\",1,1,1401");
        if (model.pingCid()) { // fn 37
            refused("AT+MPING=\"127.0.0.1\",1,1,16,16");
            at.exchange("AT+MPING=\"127.0.0.1\",1,1,16,2", "+CME ERROR: 570"); // must be active (§2.12.2)
        } else {
            refused("AT+MPING=\"127.0.0.1\",1,1,16,1");
        }

        at.exchange("AT+MNTP=?", wire.mntpTest(), "OK");
        refused("AT+MNTP=\"127.0.0.1\",65536");
        refused("AT+MNTP=\"127.0.0.1\",123,2");
        refused("AT+MNTP=\"127.0.0.1\",123,0,0");
        refused("AT+MNTP=\"127.0.0.1\",123,0,301");
        refused("AT+MNTP=\"127.0.0.1\",123,0,30,1");
    }
}
