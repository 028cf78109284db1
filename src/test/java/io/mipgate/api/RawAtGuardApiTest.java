package io.mipgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Raw AT that would change what the driver keeps in step with the module is refused before a byte is written, and
 * names the endpoint to use; query and test forms of the same commands pass.
 */
class RawAtGuardApiTest extends ApiTestBase {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "AT+MIPMODE=0,2                         | PUT /api/v1/modules/emu-ml307r/connections/{connectId}/mode",
            "AT+MIPCFG=\"encoding\",0,1,1           | PUT /api/v1/modules/emu-ml307r/config/mipcfg/{option}/{connectId}",
            "AT+MIPCFG=\"autofree\",2,1             | PUT /api/v1/modules/emu-ml307r/config/mipcfg/{option}/{connectId}",
            "AT+MIPOPEN=0,\"TCP\",\"127.0.0.1\",7   | POST /api/v1/modules/emu-ml307r/connections",
            "AT+MIPCLOSE=0                          | DELETE /api/v1/modules/emu-ml307r/connections/{connectId}",
            "at+miprd=0,100                         | GET /api/v1/modules/emu-ml307r/connections/{connectId}/data",
            "AT+MREBOOT                             | /retry",
            "AT+MIPCALL=0,1                         | PUT /api/v1/modules/emu-ml307r/cellular/pdp-contexts/{cid}",
            "AT+MIPCALL=1,1                         | PUT /api/v1/modules/emu-ml307r/cellular/pdp-contexts/{cid}",
            "AT+CGACT=0,1                           | PUT /api/v1/modules/emu-ml307r/cellular/radio",
            "AT+CGATT=0                             | PUT /api/v1/modules/emu-ml307r/cellular/radio",
            "ATE1                                   | echo off",
            "ATE                                    | echo off",
            "ATV0                                   | echo off",
            "ATZ                                    | echo off",
            "AT+CMEE=0                              | numeric error codes on",
            "AT+CMEE=2                              | numeric error codes on"})
    void driverOwnedStateIsRefusedWithoutReachingTheModule(String command, String pointer) {
        long before = quietWrittenCount("emu-ml307r");
        Reply reply = post(ML307R + "/at", ADMIN, json(java.util.Map.of("command", command)));
        assertThat(reply.problem(409, "state-conflict").path("detail").asString()).contains(pointer);
        sleep(50);
        assertThat(ApiTestEnvironment.EMULATORS.written("emu-ml307r")).as("bytes to emu-ml307r").isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"AT+MIPMODE=?", "AT+MIPMODE=0", "AT+MIPCFG=?", "AT+MIPCFG=\"encoding\"",
            "AT+MIPCFG=\"autofree\",0", "AT+MIPSTATE?", "AT+MIPOPEN=?", "AT+MIPOPEN?", "AT+MIPCLOSE=?", "AT+MIPRD=?",
            "AT+MIPRD=0", "AT+MREBOOT=?", "AT+CMEE?", "AT+CMEE=?", "AT+CMEE=1", "ATE0",
            "AT+MIPCALL?", "AT+MIPCALL=?", "AT+CGACT?", "AT+CGATT?"})
    void queryAndTestFormsPass(String command) {
        Reply reply = post(ML307R + "/at", ADMIN, json(java.util.Map.of("command", command)));
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.json().path("command").asString()).isEqualTo(command);
    }
}
