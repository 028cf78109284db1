package io.mipgate.emulator;

import static io.mipgate.emulator.EmulatorHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.mipgate.emulator.model.EmulatedFamily;
import io.mipgate.emulator.net.LoopbackDnsServer;
import io.mipgate.emulator.net.LoopbackSntpServer;
import io.mipgate.emulator.net.TcpEchoServer;
import io.mipgate.emulator.net.UdpEchoServer;
import io.mipgate.testsupport.MutableClock;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** AT-REFERENCE §2 examples and §3 flows on ML307R (Cat.1), against loopback peers. */
class Ml307rConformanceTest {

    private EmulatorHarness at;

    @AfterEach
    void tearDown() {
        if (at != null) {
            at.close();
        }
    }

    private EmulatorHarness start(EmulatorConfig.Builder builder) throws Exception {
        at = EmulatorHarness.start(builder.build());
        return at;
    }

    private EmulatorHarness start() throws Exception {
        return start(EmulatorHarness.fast(EmulatedFamily.ML307R));
    }

    @Test
    void bootBannerEchoIdentityAndErrors() throws Exception {
        at = EmulatorHarness.attach(EmulatorHarness.fast(EmulatedFamily.ML307R).build());
        at.expectBytes("\r\n+MATREADY\r\n");
        at.send("AT\r");
        at.expectBytes("AT\r\r\nOK\r\n");
        at.exchange("ATE0", "OK");
        at.echo(false);
        at.exchange("ATI", "CMIOT", "ML307R", "ML307R-DL-MBRH0S01", "OK");
        at.exchange("AT+CGMR", "ML307R-DL-MBRH0S01", "OK");
        at.exchange("AT+CGSN", "20214M0030000001", "OK");
        at.exchange("AT+CGSN=1", "+CGSN: 869999012345678", "OK");
        at.exchange("AT+CREG?", "ERROR");
        at.exchange("AT+MIPOPEN=9,\"TCP\",\"127.0.0.1\",1", "+CME ERROR: 50");
        at.exchange("AT+CMEE=2", "OK");
        at.exchange("AT+MIPOPEN=9,\"TCP\",\"127.0.0.1\",1", "+CME ERROR: incorrect parameters");
        at.exchange("AT+CMEE=0", "OK");
        at.exchange("AT+MIPOPEN=9,\"TCP\",\"127.0.0.1\",1", "ERROR");
        at.exchange("AT+CMEE?", "+CMEE: 0", "OK");
        at.exchange("AT+MREBOOT", "OK", "REBOOTING", "+MATREADY");
        at.send("AT\r");
        at.expectBytes("AT\r\r\nOK\r\n");
    }

    @Test
    void section2TestAndConfigurationExamples() throws Exception {
        start();
        at.exchange("AT+MIPCFG=\"autofree\",0,1", "OK");
        at.exchange("AT+MIPCFG=\"autofree\",0", "+MIPCFG: \"autofree\",0,1", "OK");
        at.exchange("AT+MIPCFG=\"encoding\"", "+MIPCFG: \"encoding\",0,0,0", "+MIPCFG: \"encoding\",1,0,0",
                "+MIPCFG: \"encoding\",2,0,0", "+MIPCFG: \"encoding\",3,0,0", "+MIPCFG: \"encoding\",4,0,0",
                "+MIPCFG: \"encoding\",5,0,0", "OK");
        at.exchange("AT+MIPCFG=\"sndbuf\",0,2048", "+CME ERROR: 50");
        at.exchange("AT+MIPCFG=?", "+MIPCFG: \"cid\",(0-5),(1-15)", "+MIPCFG: \"encoding\",(0-5),(0-2),(0-1)",
                "+MIPCFG: \"timeout\",(0-5),(1-120)", "+MIPCFG: \"autofree\",(0-5),(0-1)",
                "+MIPCFG: \"rcvbuf\",(0-5),(1460-65535)", "+MIPCFG: \"ackmode\",(0-5),(0-1)",
                "+MIPCFG: \"ssl\",(0-5),(0-1),(0-5)", "OK");
        at.exchange("AT+MIPTKA=?", "+MIPTKA: (0-5),(0-1),(30-7200),(30-600),(1-9)", "OK");
        at.exchange("AT+MIPTKA=0,1,90,75,3", "OK");
        at.exchange("AT+MIPTKA?", "+MIPTKA: 0,1,90,75,3", "+MIPTKA: 1,0", "+MIPTKA: 2,0", "+MIPTKA: 3,0",
                "+MIPTKA: 4,0", "+MIPTKA: 5,0", "OK");
        at.exchange("AT+MIPTKA=0,1,120,60,1", "OK");
        at.exchange("AT+MIPTKA=0", "+MIPTKA: 0,1,120,60,1", "OK");
        at.exchange("AT+MIPOPEN=?", "+MIPOPEN: (0-5),,,(0-65535),(1-180),(0-3),(0-65535)", "OK");
        at.exchange("AT+MIPCLOSE=?", "+MIPCLOSE: (0-5),(0-3)", "OK");
        at.exchange("AT+MIPSEND=?", "+MIPSEND: (0-5),(0-1460)", "OK");
        at.exchange("AT+MIPRD=?", "+MIPRD: (0-5),(0-4096)", "OK");
        at.exchange("AT+MIPMODE=?", "+MIPMODE: (0-5),(0-3),(512-1460),(100-2000)", "OK");
        at.exchange("AT+MIPSACK=?", "+MIPSACK: (0-5)", "OK");
        // "ip" as ML307 field firmware answers it (FIELD-NOTES §9); the rest of Cat.1 has only "priority"
        at.exchange("AT+MDNSCFG=?", "+MDNSCFG: \"ip\",,", "+MDNSCFG: \"priority\",(0,1)", "OK");
        at.exchange("AT+MDNSCFG=\"ip\",\"114.114.114.114\",\"8.8.8.8\"", "OK");
        at.exchange("AT+MDNSCFG=\"ip\"", "+MDNSCFG: \"ip\",\"114.114.114.114\",,\"8.8.8.8\"", "OK");
        at.exchange("AT+MDNSCFG=\"ipv6\",\"::1\"", "+CME ERROR: 50");
        at.exchange("AT+MDNSCFG=\"priority\",0", "OK");
        at.exchange("AT+MDNSCFG=\"priority\"", "+MDNSCFG: \"priority\",0", "OK");
        at.exchange("AT+MDNSGIP=?", "+MDNSGIP: ,(1-15)", "OK");
        at.exchange("AT+MPING=?", "+MPING: ,(1-60),(1-65535),(1-1400),(1-15)", "OK");
        at.exchange("AT+MNTP=?", "+MNTP: ,(0-65535),(0,1),(1-300)", "OK");
        at.exchange("AT+MIPSTATE?", "+MIPSTATE: 0,,,,\"INITIAL\"", "+MIPSTATE: 1,,,,\"INITIAL\"",
                "+MIPSTATE: 2,,,,\"INITIAL\"", "+MIPSTATE: 3,,,,\"INITIAL\"", "+MIPSTATE: 4,,,,\"INITIAL\"",
                "+MIPSTATE: 5,,,,\"INITIAL\"", "OK");
        at.exchange("AT+MIPCLOSE=0", "+CME ERROR: 551");
        at.exchange("AT+MIPSEND=0,10,\"0123456789\"", "+CME ERROR: 553");
    }

    @Test
    void tcpFlow() throws Exception {
        start();
        try (TcpEchoServer echo = TcpEchoServer.start()) {
            int port = echo.port();
            at.exchange("AT+MIPOPEN=0,\"TCP\",\"127.0.0.1\"," + port, "OK", "+MIPOPEN: 0,0");
            assertThat(echo.awaitAccepted(1, WAIT)).isTrue();
            at.exchange("AT+MIPOPEN=0,\"TCP\",\"127.0.0.1\"," + port, "+CME ERROR: 552");
            at.exchange("AT+MIPSTATE=0", "+MIPSTATE: 0,\"TCP\",\"127.0.0.1\"," + port + ",\"CONNECTED\"", "OK");
            at.exchange("AT+MIPSEND=0,11,\"12345678900\"", "+MIPSEND: 0,11", "OK");
            at.expectLine("+MIPURC: \"rtcp\",0,11,12345678900");
            at.exchange("AT+MIPSEND=0,10,\"ABCDE12345\"", "+MIPSEND: 0,10", "OK");
            at.expectLine("+MIPURC: \"rtcp\",0,10,ABCDE12345");
            // the counters follow the socket's own ACKs, which may trail the echo by a moment
            org.awaitility.Awaitility.await().atMost(WAIT).until(() -> {
                at.command("AT+MIPSACK=0");
                String sack = at.nextLine();
                at.expectLine("OK");
                return sack.equals("+MIPSACK: 21,21,0,21");
            });
            at.exchange("AT+MIPCLOSE=0", "OK", "+MIPCLOSE: 0");
            at.exchange("AT+MIPSTATE=0", "+MIPSTATE: 0,,,,\"INITIAL\"", "OK");
        }
    }

    @Test
    void transparentFlow() throws Exception {
        start();
        try (TcpEchoServer echo = TcpEchoServer.start()) {
            at.exchange("AT+MIPOPEN=0,\"TCP\",\"127.0.0.1\"," + echo.port(), "OK", "+MIPOPEN: 0,0");
            at.exchange("AT+MIPMODE=0,1", "OK", "CONNECT");
            at.send("12345678900");
            at.expectBytes("12345678900");
            Thread.sleep(120);
            at.send("+++");
            at.expectLine("OK");
            at.exchange("AT+MIPSACK=0", "+MIPSACK: 11,11,0,11", "OK");
            at.exchange("AT+MIPMODE=0", "+MIPMODE: 0,0", "OK");
            at.exchange("AT+MIPCLOSE=0", "OK", "+MIPCLOSE: 0");
        }
    }

    @Test
    void transparentOpenAndPeerCloseMarker() throws Exception {
        start();
        try (TcpEchoServer echo = TcpEchoServer.start()) {
            at.exchange("AT+MIPOPEN=1,\"TCP\",\"127.0.0.1\"," + echo.port() + ",,1", "OK", "CONNECT");
            at.send("x+++y");
            at.expectBytes("x+++y");
            echo.closeAll();
            at.expectBytes("\r\n+MIPURC: \"disconn\",1,1\r\n");
            at.exchange("AT+MIPSTATE=1", "+MIPSTATE: 1,,,,\"INITIAL\"", "OK");
        }
    }

    @Test
    void tcpBufferFlow() throws Exception {
        start();
        try (TcpEchoServer echo = TcpEchoServer.start()) {
            at.exchange("AT+MIPOPEN=0,\"TCP\",\"127.0.0.1\"," + echo.port() + ",10,2", "OK", "+MIPOPEN: 0,0");
            at.exchange("AT+MIPSEND=0,10,\"ABCDE12345\"", "+MIPSEND: 0,10", "OK");
            at.expectLine("+MIPURC: \"rtcp\",0,10,10");
            at.exchange("AT+MIPSEND=0,10,\"FGHIJ67890\"", "+MIPSEND: 0,10", "OK");
            at.expectLine("+MIPURC: \"rtcp\",0,10,20");
            at.exchange("AT+MIPRD=0", "+MIPRD: 0,20", "OK");
            at.exchange("AT+MIPRD=0,10", "+MIPRD: 0,10,10,ABCDE12345", "OK");
            at.exchange("AT+MIPRD=0,0", "+MIPRD: 0,0,10,FGHIJ67890", "OK");
            at.exchange("AT+MIPRD=0,0", "OK");
            at.exchange("AT+MIPCLOSE=0", "OK", "+MIPCLOSE: 0");
        }
    }

    @Test
    void switchToBufferModeThenBackFlushesBeforeOk() throws Exception {
        start();
        try (TcpEchoServer echo = TcpEchoServer.start()) {
            at.exchange("AT+MIPOPEN=0,\"TCP\",\"127.0.0.1\"," + echo.port(), "OK", "+MIPOPEN: 0,0");
            at.exchange("AT+MIPMODE=0,2", "OK");
            at.exchange("AT+MIPSEND=0,5,\"hello\"", "+MIPSEND: 0,5", "OK");
            at.expectLine("+MIPURC: \"rtcp\",0,5,5");
            at.exchange("AT+MIPMODE=0,0", "+MIPRD: 0,0,5,hello", "OK");
        }
    }

    @Test
    void udpBufferFlow() throws Exception {
        start();
        try (UdpEchoServer echo = UdpEchoServer.start()) {
            at.exchange("AT+MIPOPEN=0,\"UDP\",\"127.0.0.1\"," + echo.port() + ",10,3", "OK", "+MIPOPEN: 0,0");
            at.exchange("AT+MIPSEND=0,11,\"12345678900\"", "+MIPSEND: 0,11", "OK");
            at.expectLine("+MIPURC: \"rudp\",0,1");
            at.exchange("AT+MIPSEND=0,10,\"ABCDE12345\"", "+MIPSEND: 0,10", "OK");
            at.expectLine("+MIPURC: \"rudp\",0,2");
            at.exchange("AT+MIPRD=0", "+MIPRD: 0,2", "OK");
            at.exchange("AT+MIPRD=0,1", "+MIPRD: 0,1,11,12345678900", "OK");
            at.exchange("AT+MIPRD=0,0", "+MIPRD: 0,0,10,ABCDE12345", "OK");
            at.exchange("AT+MIPSACK=0", "+MIPSACK: 21,0,21,21", "OK");
            at.exchange("AT+MIPSEND=0,11,\"12345678900\",0,1", "+CME ERROR: 50");
            at.exchange("AT+MIPCLOSE=0", "OK", "+MIPCLOSE: 0");
        }
    }

    @Test
    void dnsPingAndNtp() throws Exception {
        MutableClock serverTime = new MutableClock(Instant.parse("2019-02-20T23:29:20Z"));
        try (LoopbackDnsServer dns = LoopbackDnsServer.start().addA("www.baidu.com", "127.0.0.1");
             LoopbackSntpServer ntp = LoopbackSntpServer.start(serverTime)) {
            start(EmulatorHarness.fast(EmulatedFamily.ML307R).dnsPort(dns.port()));
            at.exchange("AT+MDNSGIP=\"www.baidu.com\"", "OK", "+MDNSGIP: \"www.baidu.com\",\"127.0.0.1\"");
            at.exchange("AT+MDNSGIP=\"nowhere.example\"", "OK", "+MDNSGIP: \"nowhere.example\"");
            at.exchange("AT+MPING=\"www.baidu.com\",5,4", "OK");
            for (int i = 0; i < 4; i++) {
                assertThat(at.nextLine()).matches("\\+MPING: 0,\"127\\.0\\.0\\.1\",16,\\d+,\\d+");
            }
            assertThat(at.nextLine()).matches("\\+MPING: \"statistics\",4,0,\\d+,\\d+,\\d+");
            at.exchange("AT+MPING=\"www.baidu.com\",30,1", "OK");
            assertThat(at.nextLine()).matches("\\+MPING: 0,\"127\\.0\\.0\\.1\",16,\\d+,\\d+");
            at.exchange("AT+MPING=\"nowhere.example\"", "OK", "+MPING: 1");
            at.exchange("AT+MNTP=\"127.0.0.1\"," + ntp.port() + ",0", "OK", "+MNTP: 0,\"19/02/21,07:29:20+32\"");
            at.exchange("AT+MNTP=\"127.0.0.1\"," + ntp.port() + ",1,30", "OK", "+MNTP: 0,\"19/02/21,07:29:20+32\"");
            at.command("AT+CCLK?");
            assertThat(at.linesUntilFinal().getFirst()).startsWith("+CCLK: \"19/02/21,07:29:2");
        }
    }
}
