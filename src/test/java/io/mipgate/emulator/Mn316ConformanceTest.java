package io.mipgate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.mipgate.emulator.model.EmulatedFamily;
import io.mipgate.emulator.net.LoopbackDnsServer;
import io.mipgate.emulator.net.TcpEchoServer;
import io.mipgate.emulator.net.UdpEchoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/** AT-REFERENCE §2 examples (captured on a 0~4 NB model) and §3 flows on MN316. */
class Mn316ConformanceTest {

    private EmulatorHarness at;

    @AfterEach
    void tearDown() {
        if (at != null) {
            at.close();
        }
    }

    @Test
    void section2ExamplesVerbatimExceptSpacing() throws Exception {
        at = EmulatorHarness.start(EmulatorHarness.fast(EmulatedFamily.MN316).build());
        at.exchange("AT+MIPTKA=?", "+MIPTKA: (0-4),(0-1),(30-7200),(30-600),(1-9)", "OK");
        at.exchange("AT+MIPTKA=0,1,90,75,3", "OK");
        at.exchange("AT+MIPTKA?", "+MIPTKA: 0,1,90,75,3", "+MIPTKA: 1,0", "+MIPTKA: 2,0", "+MIPTKA: 3,0",
                "+MIPTKA: 4,0", "OK");
        at.exchange("AT+MIPOPEN=?", "+MIPOPEN: (0-4),,,(0-65535),(1-180),(0-3),(0-65535)", "OK");
        at.exchange("AT+MIPCLOSE=?", "+MIPCLOSE: (0-4),(0-3)", "OK");
        at.exchange("AT+MIPSEND=?", "+MIPSEND: (0-4),(0-1460),,(0-2),(1-255)", "OK");
        at.exchange("AT+MIPRD=?", "+MIPRD: (0-4),(0-4096)", "OK");
        at.exchange("AT+MIPMODE=?", "+MIPMODE: (0-4),(0-3),(512-1460),(100-2000)", "OK");
        at.exchange("AT+MDNSCFG=?", "+MDNSCFG: \"ip\",,", "+MDNSCFG: \"ipv6\",,", "+MDNSCFG: \"priority\",(0,1)",
                "+MDNSCFG: \"cached\",(0,1),(1-65535)", "+MDNSCFG: \"timeout\",(1-60),(1-9)", "OK");
        at.exchange("AT+MDNSCFG=\"ip\",\"114.114.114.114\",\"8.8.8.8\"", "OK");
        at.exchange("AT+MDNSCFG=\"ip\"", "+MDNSCFG: \"ip\",\"114.114.114.114\",\"8.8.8.8\"", "OK");
        at.exchange("AT+MDNSCFG=\"cached\",1", "+CME ERROR: 50");
        at.exchange("AT+MDNSGIP=?", "+MDNSGIP: ,(0-4)", "OK");
        at.exchange("AT+MPING=?", "+MPING: ,(1-60),(1-65535),(1-1400)", "OK");
        at.exchange("AT+MIPSACK=?", "ERROR");
        at.exchange("AT+MIPCFG=?", "+MIPCFG: \"encoding\",(0-4),(0-2),(0-1)", "+MIPCFG: \"autofree\",(0-4),(0-1)",
                "+MIPCFG: \"rcvbuf\",(0-4),(4096-8192)", "OK");
        at.exchange("AT+MIPCFG=\"timeout\",0,10", "+CME ERROR: 50");
        at.exchange("AT+MIPSTATE?", "+MIPSTATE: 0,,,,\"INITIAL\"", "+MIPSTATE: 1,,,,\"INITIAL\"",
                "+MIPSTATE: 2,,,,\"INITIAL\"", "+MIPSTATE: 3,,,,\"INITIAL\"", "+MIPSTATE: 4,,,,\"INITIAL\"", "OK");
    }

    @Test
    void udpFlowWithSeqEcho() throws Exception {
        at = EmulatorHarness.start(EmulatorHarness.fast(EmulatedFamily.MN316).build());
        try (UdpEchoServer echo = UdpEchoServer.start()) {
            at.exchange("AT+MIPOPEN=0,\"UDP\",\"127.0.0.1\"," + echo.port(), "OK", "+MIPOPEN: 0,0");
            at.exchange("AT+MIPSTATE=0", "+MIPSTATE: 0,\"UDP\",\"127.0.0.1\"," + echo.port() + ",\"CONNECTED\"", "OK");
            at.exchange("AT+MIPSEND=0,11,\"12345678900\",0,1", "+MIPSEND: 0,11", "OK", "+MIPURC: \"seq\",0,1,0");
            at.expectLine("+MIPURC: \"rudp\",0,11,12345678900");
            at.exchange("AT+MIPSEND=0,0", "+CME ERROR: 50");
            at.exchange("AT+MIPSEND=0,5", "+CME ERROR: 50");
            at.exchange("AT+MIPCLOSE=0", "OK", "+MIPCLOSE: 0");
        }
    }

    @Test
    void tcpFlowAndNbRestrictions() throws Exception {
        at = EmulatorHarness.start(EmulatorHarness.fast(EmulatedFamily.MN316).build());
        try (TcpEchoServer echo = TcpEchoServer.start()) {
            at.exchange("AT+MIPOPEN=0,\"TCP\",\"127.0.0.1\"," + echo.port() + ",,1", "+CME ERROR: 50");
            at.exchange("AT+MIPOPEN=0,\"TCP\",\"127.0.0.1\"," + echo.port(), "OK", "+MIPOPEN: 0,0");
            at.exchange("AT+MIPSEND=0,2,\"ab\",1", "+CME ERROR: 50");
            at.exchange("AT+MIPMODE=0,1", "+CME ERROR: 50");
            at.exchange("AT+MIPMODE=0,2", "OK");
            at.exchange("AT+MIPSEND=0,10,\"ABCDE12345\"", "+MIPSEND: 0,10", "OK");
            at.expectLine("+MIPURC: \"rtcp\",0,10,10");
            at.exchange("AT+MIPRD=0,0", "+MIPRD: 0,0,10,ABCDE12345", "OK");
            at.exchange("AT+MIPCLOSE=0", "OK", "+MIPCLOSE: 0");
        }
        int refusing;
        try (TcpEchoServer closed = TcpEchoServer.start()) {
            refusing = closed.port();
        }
        at.exchange("AT+MIPOPEN=1,\"TCP\",\"127.0.0.1\"," + refusing, "OK", "+MIPOPEN: 1,1");
    }

    @Test
    void dnsFlowWithConfiguredServer() throws Exception {
        try (LoopbackDnsServer dns = LoopbackDnsServer.start().addA("www.baidu.com", "127.0.0.1")) {
            at = EmulatorHarness.start(EmulatorHarness.fast(EmulatedFamily.MN316).dnsPort(dns.port()).build());
            at.exchange("AT+MDNSCFG=\"ip\",\"127.0.0.1\",\"127.0.0.1\"", "OK");
            at.exchange("AT+MDNSCFG=\"ip\"", "+MDNSCFG: \"ip\",\"127.0.0.1\",\"127.0.0.1\"", "OK");
            at.exchange("AT+MDNSCFG=\"priority\",0", "OK");
            at.exchange("AT+MDNSGIP=\"www.baidu.com\"", "OK", "+MDNSGIP: \"www.baidu.com\",\"127.0.0.1\"");
            assertThat(dns.queryCount("www.baidu.com", Type.A)).isEqualTo(1);
            at.exchange("AT+MDNSGIP=\"www.baidu.com\",1", "+CME ERROR: 50");
        }
    }
}
