package io.mipgate.deploy;

import static io.mipgate.deploy.DeployTool.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * helm/mipgate lints and renders (through helm-java's Helm library) for both documented value sets — H2 on the box
 * and external PostgreSQL — into Kubernetes objects that carry the probes, the serial devices and a non-root,
 * unprivileged security context.
 */
class HelmChartTest {

    static final Path CHART = ROOT.resolve("helm/mipgate");
    static final String DEFAULTS = "values.yaml";
    static final String POSTGRES = "values-postgres.yaml";

    @TempDir Path temp;

    @ParameterizedTest
    @ValueSource(strings = {DEFAULTS, POSTGRES})
    void lints(String valuesFile) throws IOException {
        // helm-java's lint reads only the chart's own values.yaml: lint a copy whose values.yaml is the merged set.
        Path chart = copyWithValues(valuesFile);
        LintResult result = new Helm(chart).lint().strict().call();
        assertThat(result.isFailed()).as("helm lint --strict (%s): %s", valuesFile, result.getMessages()).isFalse();
        assertThat(result.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void h2OnTheBox() {
        Rendered r = render(DEFAULTS);
        Map<String, Object> pod = r.podSpec();
        Map<String, Object> gateway = r.container("gateway");

        assertThat(r.kinds()).containsExactlyInAnyOrder("ConfigMap", "Secret", "Service", "DaemonSet");
        assertThat((Object) get(pod, "nodeSelector")).isEqualTo(Map.of("mipgate.io/modules", "true"));
        assertProbesAndSecurity(pod, gateway);

        Map<String, Object> device = r.volume("serial-dev-ttyusb2");
        assertThat((Object) get(device, "hostPath")).isEqualTo(Map.of("path", "/dev/ttyUSB2", "type", "CharDevice"));
        assertThat(mounts(gateway)).containsEntry("/dev/ttyUSB2", "serial-dev-ttyusb2")
                .containsEntry("/app/data", "data").containsEntry("/app/config", "config").containsEntry("/tmp", "tmp");
        assertThat((Object) get(r.volume("data"), "hostPath"))
                .isEqualTo(Map.of("path", "/var/lib/mipgate", "type", "DirectoryOrCreate"));
        // the one root container: chown of the data directory, nothing but CAP_CHOWN/FOWNER
        Map<String, Object> init = ((List<Map<String, Object>>) pod.get("initContainers")).getFirst();
        assertThat((Object) get(init, "securityContext", "capabilities"))
                .isEqualTo(Map.of("drop", List.of("ALL"), "add", List.of("CHOWN", "FOWNER")));
        assertThat((Object) get(init, "securityContext", "privileged")).isEqualTo(false);

        assertThat(r.env(gateway)).containsEntry("SPRING_PROFILES_ACTIVE", "prod")
                .doesNotContainKey("SPRING_DATASOURCE_URL");
        assertThat((Object) get(r.envEntry(gateway, "MIPGATE_BOX_ID"), "valueFrom", "fieldRef", "fieldPath"))
                .isEqualTo("spec.nodeName");
        Map<String, Object> config = new Yaml().load((String) get(r.one("ConfigMap"), "data", "application.yml"));
        assertThat((Object) get(config, "mipgate", "modules")).isEqualTo(List.of(Map.of("id", "ml307-usb",
                "port", "serial:/dev/ttyUSB2?baud=115200", "model", "auto")));
        assertThat((Object) get(config, "management", "server", "port")).isEqualTo(8081);
    }

    @Test
    @SuppressWarnings("unchecked")
    void externalPostgresForAFleet() {
        Rendered r = render(POSTGRES);
        Map<String, Object> pod = r.podSpec();
        Map<String, Object> gateway = r.container("gateway");

        assertThat(r.kinds()).containsExactlyInAnyOrder("ConfigMap", "Service", "DaemonSet", "ServiceMonitor",
                "PrometheusRule", "ConfigMap");
        assertProbesAndSecurity(pod, gateway);
        assertThat(r.env(gateway)).containsEntry("SPRING_PROFILES_ACTIVE", "prod,postgres")
                .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://postgres.mipgate.svc:5432/mipgate");
        assertThat((Object) get(((List<Map<String, Object>>) gateway.get("envFrom")).getFirst(), "secretRef", "name"))
                .isEqualTo("mipgate-credentials");
        assertThat(r.volume("data")).containsKey("emptyDir");
        assertThat(pod).doesNotContainKey("initContainers");

        Map<String, Object> monitor = ((List<Map<String, Object>>) get(r.one("ServiceMonitor"), "spec", "endpoints"))
                .getFirst();
        assertThat(monitor).containsEntry("port", "management").containsEntry("path", "/actuator/prometheus");
        List<Map<String, Object>> groups = (List<Map<String, Object>>) get(r.one("PrometheusRule"), "spec", "groups");
        assertThat(groups).extracting(g -> g.get("name")).containsExactly("mipgate.modules", "mipgate.queues",
                "mipgate.cellular");
    }

    private static void assertProbesAndSecurity(Map<String, Object> pod, Map<String, Object> gateway) {
        assertThat((Object) get(gateway, "livenessProbe", "httpGet"))
                .isEqualTo(Map.of("path", "/actuator/health/liveness", "port", "management"));
        assertThat((Object) get(gateway, "startupProbe", "httpGet"))
                .isEqualTo(Map.of("path", "/actuator/health/liveness", "port", "management"));
        assertThat((Object) get(gateway, "readinessProbe", "httpGet"))
                .isEqualTo(Map.of("path", "/actuator/health/readiness", "port", "management"));

        Map<String, Object> podSecurity = map(pod, "securityContext");
        assertThat(podSecurity).containsEntry("runAsNonRoot", true).containsEntry("runAsUser", 1000)
                .containsEntry("runAsGroup", 20).containsEntry("fsGroup", 20)
                .containsEntry("supplementalGroups", List.of(20));
        Map<String, Object> security = map(gateway, "securityContext");
        assertThat(security).containsEntry("privileged", false).containsEntry("allowPrivilegeEscalation", false)
                .containsEntry("readOnlyRootFilesystem", true);
        assertThat((Object) get(security, "capabilities")).isEqualTo(Map.of("drop", List.of("ALL")));
        assertThat(pod).doesNotContainKey("hostNetwork");
    }

    // --- rendering -------------------------------------------------------------------------------------------------

    Rendered render(String valuesFile) {
        String manifests = new Helm(CHART).template().withName("mipgate").withNamespace("mipgate")
                .withValuesFile(CHART.resolve(valuesFile)).call();
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : new Yaml().loadAll(manifests)) {
            if (document == null) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) document;
            assertThat(object).as("a Kubernetes object").containsKeys("apiVersion", "kind", "metadata");
            assertThat((String) get(object, "metadata", "name")).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
            objects.add(object);
        }
        return new Rendered(objects);
    }

    record Rendered(List<Map<String, Object>> objects) {
        List<String> kinds() {
            return objects.stream().map(o -> (String) o.get("kind")).toList();
        }

        Map<String, Object> one(String kind) {
            return objects.stream().filter(o -> kind.equals(o.get("kind"))).findFirst().orElseThrow();
        }

        Map<String, Object> podSpec() {
            Map<String, Object> daemonSet = one("DaemonSet");
            assertThat((String) get(daemonSet, "apiVersion")).isEqualTo("apps/v1");
            return map(daemonSet, "spec", "template", "spec");
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> container(String name) {
            return ((List<Map<String, Object>>) podSpec().get("containers")).stream()
                    .filter(c -> name.equals(c.get("name"))).findFirst().orElseThrow();
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> volume(String name) {
            return ((List<Map<String, Object>>) podSpec().get("volumes")).stream()
                    .filter(v -> name.equals(v.get("name"))).findFirst().orElseThrow();
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> envEntry(Map<String, Object> container, String name) {
            return ((List<Map<String, Object>>) container.get("env")).stream()
                    .filter(e -> name.equals(e.get("name"))).findFirst().orElseThrow();
        }

        @SuppressWarnings("unchecked")
        Map<String, String> env(Map<String, Object> container) {
            Map<String, String> env = new LinkedHashMap<>();
            for (Map<String, Object> e : (List<Map<String, Object>>) container.get("env")) {
                if (e.containsKey("value")) {
                    env.put((String) e.get("name"), (String) e.get("value"));
                }
            }
            return env;
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> mounts(Map<String, Object> container) {
        Map<String, String> mounts = new LinkedHashMap<>();
        for (Map<String, Object> m : (List<Map<String, Object>>) container.get("volumeMounts")) {
            mounts.put((String) m.get("mountPath"), (String) m.get("name"));
        }
        return mounts;
    }

    @SuppressWarnings("unchecked")
    static Object get(Map<String, Object> map, String... path) {
        Object node = map;
        for (String key : path) {
            assertThat(node).as("parent of %s", key).isInstanceOf(Map.class);
            node = ((Map<String, Object>) node).get(key);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> map, String... path) {
        return (Map<String, Object>) get(map, path);
    }

    // --- a chart copy for lint ----------------------------------------------------------------------------------------

    private Path copyWithValues(String valuesFile) throws IOException {
        Path copy = temp.resolve("mipgate");
        try (Stream<Path> files = Files.walk(CHART)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(CHART.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target); // follows the links in files/ to deploy/
                }
            }
        }
        Yaml yaml = new Yaml();
        Map<String, Object> values = yaml.load(Files.readString(CHART.resolve(DEFAULTS)));
        if (!valuesFile.equals(DEFAULTS)) {
            merge(values, yaml.load(Files.readString(CHART.resolve(valuesFile))));
        }
        Files.writeString(copy.resolve(DEFAULTS), yaml.dump(values));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> into, Map<String, Object> from) {
        from.forEach((key, value) -> {
            if (value instanceof Map<?, ?> m && into.get(key) instanceof Map<?, ?> existing) {
                merge((Map<String, Object>) existing, (Map<String, Object>) m);
            } else {
                into.put(key, value);
            }
        });
    }
}
