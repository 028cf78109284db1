package io.mipgate.api;

import io.mipgate.api.dto.ModuleDto;
import io.mipgate.module.DeviceManager;
import io.mipgate.module.UnknownModuleException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The fleet: every module with its status and connections. */
@RestController
@Tag(name = "modules", description = "Modules of the fleet (VIEWER; retry: OPERATOR)")
public class ModulesController {

    private final DeviceManager devices;

    public ModulesController(DeviceManager devices) {
        this.devices = devices;
    }

    @GetMapping(ApiPaths.BASE + "/modules")
    @Operation(summary = "List modules", description = "id, link, model, firmware, IMEI, status, queue depth, last"
            + " error and connections of every configured module.")
    public List<ModuleDto> list() {
        return devices.modules().stream().map(ModuleDto::of).toList();
    }

    @GetMapping(ApiPaths.MODULE)
    @Operation(summary = "One module")
    public ModuleDto get(@PathVariable String moduleId) {
        return devices.find(moduleId).map(ModuleDto::of).orElseThrow(() -> new UnknownModuleException(moduleId));
    }

    @PostMapping(ApiPaths.MODULE + "/retry")
    @Operation(summary = "Restart recovery of a FAILED module", description = "Returns 202; watch the status or the"
            + " module-status events.")
    public ResponseEntity<ModuleDto> retry(@PathVariable String moduleId, java.security.Principal principal) {
        devices.client(moduleId).cellular().retry(principal.getName());
        return ResponseEntity.accepted().body(get(moduleId));
    }
}
