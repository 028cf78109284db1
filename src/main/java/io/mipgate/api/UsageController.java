package io.mipgate.api;

import io.mipgate.api.dto.UsageDto;
import io.mipgate.api.problem.ApiException;
import io.mipgate.api.problem.ProblemType;
import io.mipgate.module.DeviceManager;
import io.mipgate.store.usage.DataUsageLedger;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Data usage per module, per SIM and per connection (VIEWER). */
@RestController
@Tag(name = "usage", description = "Data usage per module, SIM and connection (VIEWER)")
public class UsageController {

    private final DeviceManager devices;
    private final DataUsageLedger ledger;

    public UsageController(DeviceManager devices, DataUsageLedger ledger) {
        this.devices = devices;
        this.ledger = ledger;
    }

    @GetMapping(ApiPaths.MODULE + "/usage")
    @Operation(summary = "A module's data usage", description = "Payload bytes (not IP/TCP overhead) in the current"
            + " billing cycle (mipgate.cellular.usage.cycle-day) and in total, per SIM, against the optional limit.")
    public UsageDto.Module module(@PathVariable String moduleId) {
        devices.client(moduleId);
        return UsageDto.Module.of(ledger.usage(moduleId));
    }

    @GetMapping(ApiPaths.MODULE + "/usage/connections")
    @Operation(summary = "Bytes per connection lifetime, most recent first")
    public List<UsageDto.Connection> connections(@PathVariable String moduleId,
                                                 @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        devices.client(moduleId);
        return ledger.connections(moduleId, limit).stream().map(UsageDto.Connection::of).toList();
    }

    @GetMapping(ApiPaths.BASE + "/sims/{iccid}/usage")
    @Operation(summary = "A SIM's data usage in every module it has been in")
    public List<UsageDto.SimInModule> sim(@PathVariable String iccid) {
        if (!iccid.matches("[0-9]{18,19}[0-9Ff]")) {
            throw new ApiException(ProblemType.INVALID_REQUEST, "iccid: 19 or 20 digits", null, null);
        }
        var perModule = ledger.simUsage(iccid.toUpperCase(java.util.Locale.ROOT));
        if (perModule.isEmpty()) {
            throw new ApiException(ProblemType.NOT_FOUND, "no usage recorded for SIM " + iccid, null, null);
        }
        return perModule.entrySet().stream().map(e -> new UsageDto.SimInModule(e.getKey(),
                UsageDto.Bytes.of(e.getValue().cycleBytes()), UsageDto.Bytes.of(e.getValue().totalBytes()))).toList();
    }
}
