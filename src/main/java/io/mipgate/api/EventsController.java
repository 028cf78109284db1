package io.mipgate.api;

import io.mipgate.api.events.EventStreams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Server-Sent Events of URCs and state changes. */
@RestController
@Tag(name = "events", description = "Server-Sent Events (VIEWER)")
public class EventsController {

    private final ModuleAccess modules;
    private final EventStreams streams;

    public EventsController(ModuleAccess modules, EventStreams streams) {
        this.modules = modules;
        this.streams = streams;
    }

    @GetMapping(path = ApiPaths.MODULE + "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Events of one module", description = "Event name = type: data, sent, ack, drop, sack,"
            + " connection-state (disconn, open, close), module-status (up/down), module-identified, module-reset, urc,"
            + " job, job-rejected, ping, dns, ntp, link-reconnected, garbage, cellular-status, operator-action; 'dropped' reports events a slow client"
            + " lost. Data is JSON without payload bytes. Filter with types=data,connection-state.")
    public SseEmitter moduleEvents(@PathVariable String moduleId,
                                   @Parameter(description = "event types to deliver (default all)")
                                   @RequestParam(required = false) Set<String> types) {
        modules.client(moduleId);
        return streams.subscribe(moduleId, types == null ? Set.of() : types);
    }

    @GetMapping(path = ApiPaths.BASE + "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Events of every module")
    public SseEmitter allEvents(@RequestParam(required = false) Set<String> types) {
        return streams.subscribe(null, types == null ? Set.of() : types);
    }
}
