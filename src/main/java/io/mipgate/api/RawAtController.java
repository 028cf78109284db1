package io.mipgate.api;

import io.mipgate.api.dto.RawAtRequest;
import io.mipgate.api.dto.RawAtResponse;
import io.mipgate.module.ModuleClient;
import io.mipgate.module.RawResponse;
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
            + " chaining outside quotes, no +++. The full answer is returned, also when the module says ERROR.")
    public RawAtResponse at(@PathVariable String moduleId, @Valid @RequestBody RawAtRequest request) {
        ModuleClient client = modules.client(moduleId);
        Duration timeout = request.timeoutMs() == null ? null : Duration.ofMillis(request.timeoutMs());
        RawResponse response = Await.result(client.raw(request.command(), timeout));
        return new RawAtResponse(request.command(), response.lines(), response.result(), response.ok());
    }
}
