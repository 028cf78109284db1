package io.mipgate.api;

import io.mipgate.api.dto.RawAtRequest;
import io.mipgate.api.dto.RawAtResponse;
import io.mipgate.api.problem.ApiException;
import io.mipgate.api.problem.ProblemType;
import io.mipgate.module.ModuleClient;
import io.mipgate.module.ModuleException;
import io.mipgate.module.RawResponse;
import io.mipgate.module.request.DriverOperation;
import io.mipgate.module.request.RawCommandPolicy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Duration;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** One raw AT command for administrators, validated to stay one command on one line. */
@RestController
@Tag(name = "admin", description = "Raw AT (ADMIN)")
public class RawAtController {

    private final ModuleAccess modules;

    public RawAtController(ModuleAccess modules) {
        this.modules = modules;
    }

    @PostMapping(ApiPaths.MODULE + "/at")
    @Operation(summary = "Send one raw AT command", description = "One line, printable ASCII, starting with AT, no ';'"
            + " chaining outside quotes, no +++. The full answer is returned, also when the module says ERROR."
            + " Commands that change what the driver keeps in step with the module (access mode, connection"
            + " configuration, open, close, reads, reboot, the data call, echo and error reporting) answer 409"
            + " naming the endpoint to use; their query and test forms pass.")
    public RawAtResponse at(@PathVariable String moduleId, @Valid @RequestBody RawAtRequest request) {
        ModuleClient client = modules.client(moduleId);
        Duration timeout = request.timeoutMs() == null ? null : Duration.ofMillis(request.timeoutMs());
        RawResponse response;
        try {
            response = Await.result(client.raw(request.command(), timeout));
        } catch (ModuleException.StateConflict conflict) {
            throw RawCommandPolicy.driverOperation(request.command())
                    .map(operation -> refusal(conflict, operation, moduleId)).orElseThrow(() -> conflict);
        }
        return new RawAtResponse(request.command(), response.lines(), response.result(), response.ok());
    }

    /** The module's refusal, pointing the operator to the endpoint that does the same in step with the driver. */
    private static ApiException refusal(ModuleException.StateConflict conflict, DriverOperation operation,
                                        String moduleId) {
        String module = ApiPaths.BASE + "/modules/" + moduleId;
        String instead = switch (operation) {
            case SET_ACCESS_MODE -> "use PUT " + module + "/connections/{connectId}/mode";
            case CONFIGURE_CONNECTION -> "use PUT " + module + "/config/mipcfg/{option}/{connectId}";
            case OPEN_CONNECTION -> "use POST " + module + "/connections";
            case CLOSE_CONNECTION -> "use DELETE " + module + "/connections/{connectId}";
            case READ_DATA -> "use GET " + module + "/connections/{connectId}/data";
            case REBOOT -> "use POST " + module + "/reboot (AT+MREBOOT) or PUT " + module
                    + "/cellular/radio (AT+CFUN); POST " + module + "/retry restarts recovery of a FAILED module";
            case DATA_CALL -> "the gateway keeps the data call up; use PUT " + module
                    + "/cellular/pdp-contexts/{cid} to change its APN, PUT " + module
                    + "/cellular/radio to take the module off the network";
            case LINE_SETTINGS -> "the gateway keeps echo off and numeric error codes on; no endpoint changes them";
        };
        return new ApiException(ProblemType.STATE_CONFLICT, conflict.getMessage() + ": " + instead, moduleId, null);
    }
}
