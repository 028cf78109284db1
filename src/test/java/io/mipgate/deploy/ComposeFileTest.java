package io.mipgate.deploy;

import static io.mipgate.deploy.DeployTool.DOCKER_COMPOSE;
import static io.mipgate.deploy.DeployTool.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml parses, mounts only files of the repository, pins every image, and both gateway variants (a box
 * with a serial device, a laptop with virtual modules) are complete; {@code docker-compose config} accepts it.
 */
class ComposeFileTest {

    static final Path COMPOSE = ROOT.resolve("docker-compose.yml");

    @SuppressWarnings("unchecked")
    static Map<String, Object> services() throws Exception {
        Map<String, Object> compose = new Yaml().load(Files.readString(COMPOSE));
        return (Map<String, Object>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> service(String name) throws Exception {
        Map<String, Object> service = (Map<String, Object>) services().get(name);
        assertThat(service).as("service %s", name).isNotNull();
        return service;
    }

    @Test
    void everyImageIsPinned() throws Exception {
        services().forEach((name, value) -> {
            String image = (String) ((Map<?, ?>) value).get("image");
            assertThat(image).as("image of %s", name).isNotBlank().contains(":");
            String tag = image.substring(image.lastIndexOf(':') + 1);
            assertThat(tag).as("tag of %s", name).isNotEqualTo("latest").matches(".*\\d.*");
        });
    }

    @Test
    void bindMountsAreFilesOfTheRepository() throws Exception {
        int binds = 0;
        for (Map.Entry<String, Object> entry : services().entrySet()) {
            List<?> volumes = (List<?>) ((Map<?, ?>) entry.getValue()).get("volumes");
            for (Object volume : volumes == null ? List.of() : volumes) {
                String source = volume.toString().split(":")[0];
                if (source.startsWith(".") || source.startsWith("/")) {
                    assertThat(source).as("%s mounts a path inside the repository", entry.getKey()).startsWith("./");
                    assertThat(ROOT.resolve(source)).as("%s mounts %s", entry.getKey(), source).exists();
                    binds++;
                }
            }
        }
        assertThat(binds).as("Prometheus config, Grafana provisioning and dashboards").isEqualTo(3);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theBoxVariantMapsTheMl307AtPortAndRunsInDialout() throws Exception {
        Map<String, Object> gateway = service("gateway");
        assertThat((List<String>) gateway.get("profiles")).containsExactly("box");
        assertThat((List<String>) gateway.get("devices")).containsExactly("/dev/ttyUSB2:/dev/ttyUSB2");
        Map<String, Object> env = (Map<String, Object>) gateway.get("environment");
        assertThat(env.get("MIPGATE_MODULES_0_PORT")).isEqualTo("serial:/dev/ttyUSB2?baud=115200");
        assertThat(env.get("SPRING_PROFILES_ACTIVE").toString()).contains("postgres").doesNotContain("demo");
        assertThat(gateway).doesNotContainKey("privileged");
        assertHealthCheckedAndScraped(gateway);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theVirtualVariantRunsWithoutHardware() throws Exception {
        Map<String, Object> gateway = service("gateway-virtual");
        assertThat((List<String>) gateway.get("profiles")).containsExactly("virtual");
        assertThat(gateway).doesNotContainKey("devices");
        Map<String, Object> env = (Map<String, Object>) gateway.get("environment");
        assertThat(env).hasEntrySatisfying("MIPGATE_MODULES_0_PORT", v -> assertThat(v.toString())
                .startsWith("emulator:"));
        Map<String, Object> networks = (Map<String, Object>) gateway.get("networks");
        assertThat(((Map<String, List<String>>) networks.get("default")).get("aliases")).contains("gateway");
        assertHealthCheckedAndScraped(gateway);
    }

    @SuppressWarnings("unchecked")
    private static void assertHealthCheckedAndScraped(Map<String, Object> gateway) throws Exception {
        Map<String, Object> env = (Map<String, Object>) gateway.get("environment");
        String management = env.get("MANAGEMENT_SERVER_PORT").toString();
        List<String> test = (List<String>) ((Map<String, Object>) gateway.get("healthcheck")).get("test");
        assertThat(String.join(" ", test)).contains("/dev/tcp/127.0.0.1/" + management, "/actuator/health/liveness");
        assertThat(env.get("SPRING_DATASOURCE_URL").toString()).startsWith("jdbc:postgresql://postgres:");
        assertThat(Files.readString(ROOT.resolve("deploy/prometheus/prometheus.yml")))
                .contains("\"gateway:" + management + "\"");
    }

    @Test
    void dockerComposeAcceptsBothVariants() throws Exception {
        for (String profile : List.of("box", "virtual")) {
            DeployTool.Run run = DOCKER_COMPOSE.run(null, Map.of(), "--profile", profile, "config");
            assertThat(run.exitCode()).as("docker-compose --profile %s config:%n%s", profile, run.output()).isZero();
            assertThat(run.output()).contains(profile.equals("box") ? "/dev/ttyUSB2" : "emulator:ML307R");
        }
    }
}
