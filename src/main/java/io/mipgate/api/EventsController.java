package io.mipgate.api;

import io.mipgate.api.events.EventStreams;
import io.mipgate.api.problem.ApiException;
import io.mipgate.api.problem.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Server-Sent Events of URCs and state changes. */
@RestController
@Tag(name = "events", description = "Server-Sent Events (VIEWER)")
public class EventsController {

    static final String LAST_EVENT_ID = "Last-Event-ID";

    private final ModuleAccess modules;
    private final EventStreams streams;

    public EventsController(ModuleAccess modules, EventStreams streams) {
        this.modules = modules;
        this.streams = streams;
    }

    @GetMapping(path = ApiPaths.MODULE + "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Events of one module", description = "Event name = type: data, sent, ack, drop, sack,"
            + " connection-state (disconn, open, close), module-status (up/down), module-identified, module-reset, urc,"
            + " job, job-rejected, ping, dns, ntp, link-reconnected, garbage, receive-hold, restart-loss,"
            + " cellular-status, operator-action; 'dropped' reports events a slow client"
            + " lost. Data is JSON without payload bytes. Filter with types=data,connection-state. Every event has an"
            + " id; a client reconnecting with Last-Event-ID first gets the events it missed (the gateway holds the"
            + " last mipgate.api.events.replay-size), preceded by a 'gap' event when some are no longer held. At most"
            + " mipgate.api.events.max-streams-per-key streams per credential and max-streams in all (429).")
    public SseEmitter moduleEvents(@PathVariable String moduleId,
                                   @Parameter(description = "event types to deliver (default all)")
                                   @RequestParam(required = false) Set<String> types,
                                   @Parameter(description = "resume after this event id (sent by EventSource on reconnect)")
                                   @RequestHeader(name = LAST_EVENT_ID, required = false) String lastEventId,
                                   @Parameter(hidden = true) Principal principal) {
        modules.client(moduleId);
        return subscribe(principal, moduleId, types, lastEventId);
    }

    @GetMapping(path = ApiPaths.BASE + "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Events of every module")
    public SseEmitter allEvents(@RequestParam(required = false) Set<String> types,
                                @RequestHeader(name = LAST_EVENT_ID, required = false) String lastEventId,
                                @Parameter(hidden = true) Principal principal) {
        return subscribe(principal, null, types, lastEventId);
    }

    private SseEmitter subscribe(Principal principal, String moduleId, Set<String> types, String lastEventId) {
        try {
            return streams.subscribe(principal.getName(), moduleId, types == null ? Set.of() : types, lastEventId);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ProblemType.INVALID_REQUEST, e.getMessage());
        }
    }
}
