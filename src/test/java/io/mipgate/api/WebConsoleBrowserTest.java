package io.mipgate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mipgate.emulator.FaultInjector;
import java.time.Duration;
import org.htmlunit.BrowserVersion;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The web console in a real browser engine (HtmlUnit, JavaScript on, script errors fail the test) against the running
 * gateway: the page is public, its data needs a key; it lists the modules and shows one going down.
 */
class WebConsoleBrowserTest extends ApiTestBase {

    private static final String DOWN_MODULE = "emu-small";

    private WebClient browser;

    @BeforeEach
    void openBrowser() {
        browser = new WebClient(BrowserVersion.FIREFOX);
        browser.getOptions().setThrowExceptionOnScriptError(true);
        browser.getOptions().setCssEnabled(false);
    }

    @AfterEach
    void closeBrowserAndBringTheModuleBack() {
        browser.close();
        FaultInjector faults = ApiTestEnvironment.EMULATORS.module(DOWN_MODULE).faults();
        faults.failNextCommands(0, 0);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            String status = get("/api/v1/modules/" + DOWN_MODULE, VIEWER).json().path("status").asString();
            if (status.equals("FAILED")) {
                post("/api/v1/modules/" + DOWN_MODULE + "/retry", OPERATOR, null);
            }
            return status.equals("UP");
        });
    }

    @Test
    void thePageIsPublicItsDataIsNot() {
        Reply page = get("/console/index.html", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.text()).contains("<title>mipgate console</title>");
        assertThat(get("/console/console.js", null).status()).isEqualTo(200);
        assertThat(get("/console", null).header("Location")).endsWith("/console/index.html");
        get("/api/v1/modules", null).problem(401, "unauthorized");
        get("/api/v1/cellular", null).problem(401, "unauthorized");
    }

    @Test
    void theFleetIsListedAndAModuleGoingDownShows() throws Exception {
        HtmlPage page = browser.getPage("http://localhost:" + port + "/console/index.html");
        assertThat(fleet(page)).isEmpty();
        useKey(page, VIEWER);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(row(page, "emu-ml307r")).contains("UP").contains("-71 dBm").contains("REGISTERED_HOME");
            assertThat(row(page, "emu-mn316")).contains("UP").contains("MN316");
            assertThat(row(page, DOWN_MODULE)).contains("UP");
        });
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                page.getElementById("connection-status").getTextContent()).startsWith("Connected:"));

        FaultInjector faults = ApiTestEnvironment.EMULATORS.module(DOWN_MODULE).faults();
        faults.failNextCommands(50, 1_000_000);
        faults.dropAttachment();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(state(page, DOWN_MODULE)).isIn("DOWN", "RECOVERING", "FAILED"));
        assertThat(state(page, "emu-ml307r")).isEqualTo("UP");
    }

    @Test
    void aKeyHandedOverInTheFragmentIsTakenOnceAndLeavesTheAddress() throws Exception {
        int connection = openEcho(ML307R, 4);
        try {
            openedWithTheKeyInTheFragment();
        } finally {
            closeQuietly(ML307R, connection);
        }
    }

    private void openedWithTheKeyInTheFragment() throws Exception {
        HtmlPage page = browser.getPage("http://localhost:" + port + "/console/index.html#key=" + VIEWER
                + "&module=emu-ml307r");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(row(page, "emu-ml307r")).contains("UP");
            assertThat(page.getElementById("detail-cellular").getTextContent()).contains("CHINA MOBILE");
            assertThat(page.getElementById("connection-rows").getTextContent()).as("id, state, peer, access mode")
                    .contains("CONNECTED").contains("normal");
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                page.getElementById("sack-chart").getTextContent()).as("drawn once a connection is listed, not at the"
                + " next 30 s refresh").startsWith("max "));
        assertThat(page.executeJavaScript("window.location.href").getJavaScriptResult().toString())
                .as("the key is not left in the address or the tab's history").doesNotContain("key=")
                .doesNotContain("#");
        assertThat(page.executeJavaScript("window.sessionStorage.getItem('mipgate.apiKey')").getJavaScriptResult())
                .isEqualTo(VIEWER);
    }

    @Test
    void aWrongKeyIsToldAndTheAtConsoleKeepsTheRestEndpointsChecks() throws Exception {
        HtmlPage page = browser.getPage("http://localhost:" + port + "/console/index.html");
        useKey(page, "not-a-key");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                page.getElementById("connection-status").getTextContent()).contains("refused (401)"));

        useKey(page, ADMIN);
        await().atMost(Duration.ofSeconds(20)).until(() -> row(page, "emu-ml307r").contains("UP"));
        ((DomElement) rowElement(page, "emu-ml307r")).click();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                page.getElementById("detail-cellular").getTextContent()).contains("CHINA MOBILE"));

        at(page, "AT+CSQ");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                page.getElementById("at-output").getTextContent()).contains("+CSQ: 21,0").contains("OK"));
        at(page, "ATE1");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                page.getElementById("at-output").getTextContent()).contains("409"));
        at(page, "AT;AT+CFUN=0");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                page.getElementById("at-output").getTextContent()).contains("400"));
    }

    private static void useKey(HtmlPage page, String key) throws Exception {
        ((HtmlInput) page.getElementById("api-key")).setValue(key);
        ((DomElement) page.getElementById("use-key")).click();
    }

    private static void at(HtmlPage page, String command) throws Exception {
        ((HtmlInput) page.getElementById("at-command")).setValue(command);
        ((DomElement) page.getElementById("at-send")).click();
    }

    private static String fleet(HtmlPage page) {
        return page.getElementById("fleet-rows").getTextContent();
    }

    private static org.w3c.dom.Element rowElement(HtmlPage page, String module) {
        for (DomElement row : page.getElementById("fleet-rows").getChildElements()) {
            if (module.equals(row.getAttribute("data-module"))) {
                return row;
            }
        }
        return null;
    }

    private static String row(HtmlPage page, String module) {
        org.w3c.dom.Element row = rowElement(page, module);
        return row == null ? "" : row.getTextContent();
    }

    private static String state(HtmlPage page, String module) {
        DomElement row = (DomElement) rowElement(page, module);
        if (row == null) {
            return "";
        }
        for (DomElement td : row.getChildElements()) {
            if (td.getAttribute("class").startsWith("state")) {
                return td.getTextContent();
            }
        }
        return "";
    }
}
