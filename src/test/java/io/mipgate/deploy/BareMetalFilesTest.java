package io.mipgate.deploy;

import static io.mipgate.deploy.DeployTool.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The bare-metal files the README walks through exist and agree with each other and with the README. */
class BareMetalFilesTest {

    static final Path UNIT = Path.of("deploy/systemd/mipgate.service");
    static final Path ENV = Path.of("deploy/systemd/mipgate.env");
    static final Path UDEV = Path.of("deploy/udev/99-mipgate.rules");

    @Test
    void everyRepositoryFileTheReadmeCitesExists() throws Exception {
        Matcher m = Pattern.compile("`((?:deploy|src|helm|\\.ci)/[^`\\s*<>]+)`").matcher(
                Files.readString(ROOT.resolve("README.md")));
        Set<String> cited = new TreeSet<>();
        while (m.find()) {
            cited.add(m.group(1));
        }
        assertThat(cited).contains(UNIT.getParent() + "/", UDEV.getParent() + "/");
        assertThat(cited).allSatisfy(path -> assertThat(ROOT.resolve(path)).as("cited in README").exists());
    }

    @Test
    void theUnitRunsTheJarWithTheSettingsTheReadmeInstalls() throws Exception {
        String unit = Files.readString(ROOT.resolve(UNIT));
        assertThat(unit).contains("EnvironmentFile=-/etc/mipgate/mipgate.env", "-jar /opt/mipgate/mipgate.jar",
                "--spring.config.additional-location=optional:file:/etc/mipgate/", "SupplementaryGroups=dialout",
                "StateDirectory=mipgate", "DeviceAllow=char-ttyUSB rw", "DeviceAllow=char-ttyACM rw");
        String env = Files.readString(ROOT.resolve(ENV));
        assertThat(env).as("a service is never the demo").containsPattern("(?m)^SPRING_PROFILES_ACTIVE=prod$")
                .containsPattern("(?m)^MIPGATE_BOX_ID=");
        String readme = Files.readString(ROOT.resolve("README.md"));
        assertThat(readme).contains("install -m 644 " + UDEV, "install -m 644 " + UNIT, ENV.toString());
    }

    @Test
    void theUdevRuleGivesTheAtPortAStableNameAndTheGatewaysGroup() throws Exception {
        String rules = Files.readString(ROOT.resolve(UDEV));
        assertThat(rules).contains("ATTRS{idVendor}==\"2ecc\"", "ENV{ID_USB_INTERFACE_NUM}==\"02\"",
                "SYMLINK+=\"mipgate/at-", "GROUP=\"dialout\"", "MODE=\"0660\"");
        assertThat(rules.lines().filter(l -> !l.isBlank() && !l.startsWith("#")))
                .as("continued lines end with a backslash").noneMatch(l -> l.endsWith(" "));
    }
}
