package io.mipgate.api;

import io.mipgate.api.dto.CellularDto;
import io.mipgate.api.dto.ModuleDto;
import io.mipgate.api.dto.PdpContextRequest;
import io.mipgate.api.dto.RadioRequest;
import io.mipgate.api.problem.ApiException;
import io.mipgate.api.problem.ProblemType;
import io.mipgate.module.DeviceManager;
import io.mipgate.module.ModuleClient;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Signal, registration, SIM and PDP status of the modules, and the operator's controls (OPERATOR and ADMIN). */
@RestController
@Tag(name = "cellular", description = "Cellular status (VIEWER) and control: reboot, radio, PDP context (OPERATOR)")
public class CellularController {

    private final DeviceManager devices;

    public CellularController(DeviceManager devices) {
        this.devices = devices;
    }

    @GetMapping(ApiPaths.BASE + "/cellular")
    @Operation(summary = "Cellular status of every module that has been read")
    public List<CellularDto> fleet() {
        return devices.clients().stream().flatMap(client -> client.cellular().status().stream()
                .map(status -> CellularDto.of(client.id(), status))).toList();
    }

    @GetMapping(ApiPaths.MODULE + "/cellular")
    @Operation(summary = "Latest cellular status", description = "Read on the configured schedule"
            + " (mipgate.cellular.status-interval) and whenever the module comes UP; 404 before the first reading.")
    public CellularDto status(@PathVariable String moduleId) {
        ModuleClient client = devices.client(moduleId);
        return client.cellular().status().map(status -> CellularDto.of(moduleId, status))
                .orElseThrow(() -> new ApiException(ProblemType.NOT_FOUND, "module " + moduleId + " has no cellular"
                        + " status yet; POST " + ApiPaths.BASE + "/modules/" + moduleId + "/cellular/refresh",
                        moduleId, null));
    }

    @PostMapping(ApiPaths.MODULE + "/cellular/refresh")
    @Operation(summary = "Read the cellular status now")
    public CellularDto refresh(@PathVariable String moduleId) {
        return CellularDto.of(moduleId, Await.result(devices.client(moduleId).cellular().refresh()));
    }

    @PutMapping(ApiPaths.MODULE + "/cellular/radio")
    @Operation(summary = "Radio on or off (AT+CFUN=1/0)", description = "Answers the status read right after.")
    public CellularDto radio(@PathVariable String moduleId, @Valid @RequestBody RadioRequest request,
                             Principal principal) {
        return CellularDto.of(moduleId, Await.result(devices.client(moduleId).cellular()
                .radio(request.on(), principal.getName())));
    }

    @PutMapping(ApiPaths.MODULE + "/cellular/pdp-contexts/{cid}")
    @Operation(summary = "Define a PDP context (AT+CGDCONT)", description = "cid 1-15. The module uses it the next"
            + " time it activates the context, e.g. after a reboot or radio off/on.")
    public CellularDto pdpContext(@PathVariable String moduleId, @PathVariable int cid,
                                  @Valid @RequestBody PdpContextRequest request, Principal principal) {
        return CellularDto.of(moduleId, Await.result(devices.client(moduleId).cellular()
                .definePdpContext(cid, request.pdpType(), request.apn(), principal.getName())));
    }

    @PostMapping(ApiPaths.MODULE + "/reboot")
    @Operation(summary = "Reboot the module (AT+MREBOOT)", description = "Returns 202 once the module accepted;"
            + " its connections are gone and the gateway initialises it again when it announces +MATREADY.")
    public ResponseEntity<ModuleDto> reboot(@PathVariable String moduleId, Principal principal) {
        Await.result(devices.client(moduleId).cellular().reboot(principal.getName()));
        return ResponseEntity.accepted().body(devices.find(moduleId).map(ModuleDto::of).orElseThrow());
    }
}
