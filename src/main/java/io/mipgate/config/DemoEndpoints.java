package io.mipgate.config;

import io.mipgate.emulator.EmulatorLinkFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the demo actually listens: its loopback services on the ports they got (a taken one falls back) and each
 * virtual module's serial device and admin port. Reported at start-up and in {@code /actuator/info}.
 */
record DemoEndpoints(int echoTcpPort, int echoUdpPort, int dnsPort, int ntpPort, EmulatorLinkFactory emulators,
                     MipgateProperties properties, int configuredServerPort) {

    Map<String, Object> describe() {
        Map<String, Object> demo = new LinkedHashMap<>();
        demo.put("echoTcp", "127.0.0.1:" + echoTcpPort);
        demo.put("echoUdp", "127.0.0.1:" + echoUdpPort);
        demo.put("dns", "127.0.0.1:" + dnsPort);
        demo.put("dnsZone", DemoConfiguration.DEMO_HOST);
        demo.put("ntp", "127.0.0.1:" + ntpPort);
        demo.put("modules", virtualModules().stream().map(this::module).toList());
        return demo;
    }

    private Map<String, Object> module(String id) {
        Map<String, Object> module = new LinkedHashMap<>();
        module.put("id", id);
        emulators.devicePath(id).ifPresent(device -> module.put("device", device.toString()));
        emulators.adminPort(id).ifPresent(port -> module.put("admin", "127.0.0.1:" + port));
        return module;
    }

    String startupHints(int serverPort) {
        StringBuilder hints = new StringBuilder("\n\n==== mipgate demo: echo service on 127.0.0.1:").append(echoTcpPort)
                .append(" (TCP) / ").append(echoUdpPort).append(" (UDP), DNS zone ").append(DemoConfiguration.DEMO_HOST)
                .append(" on 127.0.0.1:").append(dnsPort).append(", SNTP on 127.0.0.1:").append(ntpPort)
                .append(" ====\n");
        for (String id : virtualModules()) {
            hints.append("  module ").append(id).append(": ")
                    .append(emulators.devicePath(id).map(Object::toString).orElse("attached in process"));
            emulators.adminPort(id).ifPresent(port -> hints
                    .append(", admin commands: printf 'help\\nquit\\n' | nc 127.0.0.1 ").append(port));
            hints.append('\n');
        }
        String first = virtualModules().stream().findFirst().orElse("emu-ml307r");
        return hints.append("  curl -s -H \"X-API-Key: $MIPGATE_KEY\" -H 'Content-Type: application/json' \\\n")
                .append("       -d '{\"protocol\":\"TCP\",\"host\":\"127.0.0.1\",\"port\":").append(echoTcpPort)
                .append("}' \\\n")
                .append("       http://localhost:").append(serverPort).append("/api/v1/modules/").append(first)
                .append("/connections\n")
                .append("  then see README.md \"Walk-through with curl\"; web console at http://localhost:")
                .append(serverPort).append("/console/, API docs at http://localhost:").append(serverPort)
                .append("/swagger-ui.html").toString();
    }

    private List<String> virtualModules() {
        return properties.getModules().stream().map(MipgateProperties.Module::getId)
                .filter(id -> emulators.module(id).isPresent()).toList();
    }
}
