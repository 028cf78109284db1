package io.mipgate.api;

import io.mipgate.api.dto.DnsRequest;
import io.mipgate.api.dto.DnsResponse;
import io.mipgate.api.dto.JobDto;
import io.mipgate.api.dto.NtpRequest;
import io.mipgate.api.dto.NtpResponse;
import io.mipgate.api.dto.PingRequest;
import io.mipgate.api.dto.PingResponse;
import io.mipgate.api.jobs.JobRegistry;
import io.mipgate.module.ModuleClient;
import io.mipgate.module.NtpOutcome;
import io.mipgate.module.request.DnsLookup;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The module's own network services: ping, DNS, NTP (OPERATOR); synchronous or as jobs. */
@RestController
@Tag(name = "network", description = "Ping, DNS and NTP through the module (OPERATOR)")
public class NetworkController {

    private final ModuleAccess modules;
    private final JobRegistry jobs;

    public NetworkController(ModuleAccess modules, JobRegistry jobs) {
        this.modules = modules;
        this.jobs = jobs;
    }

    @PostMapping(ApiPaths.MODULE + "/ping")
    @Operation(summary = "Ping (AT+MPING): every reply and the statistics")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PingResponse.class)))
    @ApiResponse(responseCode = "202", description = "job started (async=true)",
            content = @Content(schema = @Schema(implementation = JobDto.class)))
    public ResponseEntity<Object> ping(@PathVariable String moduleId, @Valid @RequestBody PingRequest request,
                                       @RequestParam(defaultValue = "false") boolean async) {
        ModuleClient client = modules.client(moduleId);
        var ping = new io.mipgate.module.request.PingRequest(request.host(), request.timeoutSeconds(), request.count(),
                request.size(), request.cid());
        return run("ping", moduleId, "/ping", async, client.ping(ping), o -> PingResponse.of(request.host(), o));
    }

    @PostMapping(ApiPaths.MODULE + "/dns")
    @Operation(summary = "Resolve a domain (AT+MDNSGIP)")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DnsResponse.class)))
    @ApiResponse(responseCode = "202", description = "job started (async=true)",
            content = @Content(schema = @Schema(implementation = JobDto.class)))
    public ResponseEntity<Object> dns(@PathVariable String moduleId, @Valid @RequestBody DnsRequest request,
                                      @RequestParam(defaultValue = "false") boolean async) {
        ModuleClient client = modules.client(moduleId);
        return run("dns", moduleId, "/dns", async, client.resolve(new DnsLookup(request.domain(), request.cid())),
                (List<String> addresses) -> new DnsResponse(request.domain(), addresses));
    }

    @PostMapping(ApiPaths.MODULE + "/ntp")
    @Operation(summary = "Query an NTP server (AT+MNTP)", description = "A result other than 0 is an answer of the"
            + " module, reported with succeeded=false and 200.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = NtpResponse.class)))
    @ApiResponse(responseCode = "202", description = "job started (async=true)",
            content = @Content(schema = @Schema(implementation = JobDto.class)))
    public ResponseEntity<Object> ntp(@PathVariable String moduleId,
                                      @Valid @RequestBody(required = false) NtpRequest request,
                                      @RequestParam(defaultValue = "false") boolean async) {
        ModuleClient client = modules.client(moduleId);
        var ntp = request == null ? io.mipgate.module.request.NtpRequest.defaults()
                : new io.mipgate.module.request.NtpRequest(request.server(), request.port(), request.sync(),
                request.timeoutSeconds());
        String shown = ntp.server() != null ? ntp.server() : client.capabilities().defaultNtpServer();
        return run("ntp", moduleId, "/ntp", async, client.ntp(ntp), (NtpOutcome o) ->
                new NtpResponse(shown, o.result(), o.succeeded(), o.time()));
    }

    private <T> ResponseEntity<Object> run(String kind, String moduleId, String suffix, boolean async,
                                           CompletableFuture<T> operation, Function<T, Object> toBody) {
        if (async) {
            return Jobs.accepted(jobs, kind, moduleId, ApiPaths.BASE + "/modules/" + moduleId + suffix, operation,
                    toBody);
        }
        return ResponseEntity.ok(toBody.apply(Await.result(operation)));
    }
}
