package io.mipgate.emulator.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

@Timeout(30)
class LoopbackDnsServerTest {

    @Test
    void answersOverUdpAndTcp() throws Exception {
        try (LoopbackDnsServer dns = LoopbackDnsServer.start(java.net.InetAddress.getLoopbackAddress(), true)) {
            dns.addA("a.example", "10.0.0.1").addEmptyName("empty.example");
            SimpleResolver resolver = new SimpleResolver(new InetSocketAddress(dns.address(), dns.port()));
            resolver.setTimeout(Duration.ofSeconds(2));

            for (boolean tcp : new boolean[] {false, true}) {
                resolver.setTCP(tcp);
                Message answer = resolver.send(query("a.example.", Type.A));
                assertThat(answer.getSection(Section.ANSWER)).singleElement()
                        .isInstanceOfSatisfying(ARecord.class,
                                a -> assertThat(a.getAddress().getHostAddress()).isEqualTo("10.0.0.1"));
            }
            assertThat(resolver.send(query("empty.example.", Type.A)).getRcode()).isEqualTo(Rcode.NOERROR);
            assertThat(resolver.send(query("missing.example.", Type.A)).getRcode()).isEqualTo(Rcode.NXDOMAIN);
            assertThat(dns.queryCount("a.example", Type.A)).isEqualTo(2);
            assertThat(dns.queryCount()).isEqualTo(4);
        }
    }

    private static Message query(String name, int type) throws Exception {
        return Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN));
    }
}
