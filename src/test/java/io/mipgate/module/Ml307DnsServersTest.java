package io.mipgate.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mipgate.domain.DnsCfgOption;
import io.mipgate.domain.UnsupportedOnModelException;
import io.mipgate.module.request.DnsConfig;
import io.mipgate.module.request.DnsSetting;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * ML307 field firmware answers AT+MDNSCFG="ip" although the manual gives Cat.1 only "priority" (FIELD-NOTES §9): the
 * gateway sets and reads the servers of an ML307 and still refuses them, before any byte, on the other Cat.1 models.
 */
class Ml307DnsServersTest {

    @Test
    void anMl307TakesDnsServersAndReportsThemWithoutTheFieldsGap() throws Exception {
        try (Gateway gateway = new Gateway()) {
            ModuleClient ml307 = gateway.emulated("r", "ML307R");
            ModuleClient ml302 = gateway.emulated("a", "ML302A");
            gateway.start();

            ml307.configureDns(new DnsSetting.Servers(false, "114.114.114.114", "8.8.8.8")).get(10, TimeUnit.SECONDS);
            List<DnsConfig> servers = ml307.dnsConfig(DnsCfgOption.IP).get(10, TimeUnit.SECONDS);

            assertThat(servers).singleElement().satisfies(config ->
                    assertThat(config.values()).containsExactly("114.114.114.114", "8.8.8.8"));
            assertThatThrownBy(() -> ml302.configureDns(new DnsSetting.Servers(false, "114.114.114.114", null)))
                    .isInstanceOf(UnsupportedOnModelException.class);
        }
    }
}
