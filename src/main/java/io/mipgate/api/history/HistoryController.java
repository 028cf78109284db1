package io.mipgate.api.history;

import static io.mipgate.api.history.HistoryRequest.badRequest;

import io.mipgate.api.history.HistoryDtos.ConnectionLifetimeDto;
import io.mipgate.api.history.HistoryDtos.JobDto;
import io.mipgate.api.history.HistoryDtos.PageDto;
import io.mipgate.api.history.HistoryDtos.PingDto;
import io.mipgate.api.history.HistoryDtos.SackBucketDto;
import io.mipgate.api.history.HistoryDtos.SackSeriesDto;
import io.mipgate.api.history.HistoryDtos.TransitionDto;
import io.mipgate.domain.ModuleErrorCode;
import io.mipgate.module.JobOutcome;
import io.mipgate.store.history.AtJobRecord;
import io.mipgate.store.history.AtJobRepository;
import io.mipgate.store.history.ConnectionRecord;
import io.mipgate.store.history.ConnectionRecordRepository;
import io.mipgate.store.history.ConnectionTransition;
import io.mipgate.store.history.ConnectionTransitionRepository;
import io.mipgate.store.history.PingRecord;
import io.mipgate.store.history.PingRecordRepository;
import io.mipgate.store.history.SackBuckets;
import io.mipgate.store.history.SackHistory;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * History read endpoints over the store. Lists are newest first and paged ({@code page} from 0, {@code size} up to
 * {@code mipgate.history.max-page-size}); time filters are ISO-8601 instants, {@code from} inclusive and {@code to}
 * exclusive; {@code box} selects another gateway's rows in a shared database (default: this box).
 */
@RestController
@RequestMapping("/api/v1/modules/{moduleId}")
@Tag(name = HistoryController.TAG, description = HistoryController.TAG_DESCRIPTION)
public class HistoryController {

    /** One tag for every history operation, declared alike on each controller (OpenAPI allows a tag once). */
    static final String TAG = "history";
    static final String TAG_DESCRIPTION = "Recorded module status, cellular status, connections, SACK series, jobs,"
            + " pings, DNS and NTP results and operator actions (VIEWER)";

    private final HistoryScope scope;
    private final ConnectionRecordRepository connections;
    private final ConnectionTransitionRepository transitions;
    private final AtJobRepository jobs;
    private final PingRecordRepository pings;
    private final SackHistory sackHistory;
    private final HistoryApiProperties limits;
    private final Clock clock = Clock.systemUTC();

    HistoryController(HistoryScope scope, ConnectionRecordRepository connections,
                      ConnectionTransitionRepository transitions, AtJobRepository jobs, PingRecordRepository pings,
                      SackHistory sackHistory, HistoryApiProperties limits) {
        this.scope = scope;
        this.connections = connections;
        this.transitions = transitions;
        this.jobs = jobs;
        this.pings = pings;
        this.sackHistory = sackHistory;
        this.limits = limits;
    }

    @GetMapping("/connections/{connectId}/history")
    public PageDto<ConnectionLifetimeDto> connectionHistory(@PathVariable String moduleId, @PathVariable int connectId,
                                                            @RequestParam(required = false) String box,
                                                            @RequestParam(required = false) String from,
                                                            @RequestParam(required = false) String to,
                                                            @RequestParam(defaultValue = "0") int page,
                                                            @RequestParam(required = false) Integer size) {
        HistoryRequest.checkConnectId(connectId);
        String boxId = knownModule(moduleId, box);
        HistoryRequest.Range range = HistoryRequest.range(from, to);
        Pageable pageable = pageable(page, size, Sort.by(Sort.Order.desc("openedAt"), Sort.Order.desc("generation")));
        Page<ConnectionRecord> lifetimes = connections
                .findByBoxIdAndModuleIdAndConnectIdAndOpenedAtGreaterThanEqualAndOpenedAtLessThan(
                        boxId, moduleId, connectId, range.from(), range.to(), pageable);
        List<Long> generations = lifetimes.stream().map(ConnectionRecord::getGeneration).toList();
        Map<Long, List<TransitionDto>> byGeneration = generations.isEmpty() ? Map.of() : transitions
                .findByBoxIdAndModuleIdAndConnectIdAndGenerationInOrderByChangedAtAscIdAsc(
                        boxId, moduleId, connectId, generations)
                .stream()
                .collect(Collectors.groupingBy(ConnectionTransition::getGeneration,
                        Collectors.mapping(t -> new TransitionDto(t.getChangedAt(), t.getFromState(), t.getToState(),
                                t.getReason()), Collectors.toList())));
        return page(lifetimes, c -> new ConnectionLifetimeDto(moduleId, boxId, c.getConnectId(), c.getGeneration(),
                c.getProtocol(), c.getRemoteHost(), c.getRemotePort(), c.getAccessMode(), c.getLastState(),
                c.getOpenedAt(), c.getClosedAt(), c.getCloseReason(), c.getReceivedBytes(), c.getLostUnreadBytes(),
                c.getLostUnaccountedBytes(), byGeneration.getOrDefault(c.getGeneration(), List.of())));
    }

    /** Buckets of {@code step} (ISO-8601, default PT1M) over [from, to) (default the last hour). */
    @GetMapping("/connections/{connectId}/sack/history")
    public SackSeriesDto sackHistory(@PathVariable String moduleId, @PathVariable int connectId,
                                     @RequestParam(required = false) String box,
                                     @RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to,
                                     @RequestParam(defaultValue = "PT1M") String step) {
        HistoryRequest.checkConnectId(connectId);
        String boxId = knownModule(moduleId, box);
        Instant end = HistoryRequest.instant("to", to, clock.instant());
        Instant start = HistoryRequest.instant("from", from, end.minus(limits.defaultRange()));
        HistoryRequest.checkRange(start, end);
        Duration width = HistoryRequest.step(step, limits.minStep());
        long buckets;
        try {
            buckets = SackBuckets.bucketCount(start, end, width);
        } catch (ArithmeticException overflow) {
            buckets = Long.MAX_VALUE;
        }
        if (buckets > limits.maxBuckets()) {
            throw badRequest("range " + start + ".." + end + " at step " + width + " makes " + buckets
                    + " buckets, more than " + limits.maxBuckets() + ": use a larger step or a shorter range");
        }
        List<SackBucketDto> series = sackHistory.buckets(boxId, moduleId, connectId, start, end, width).stream()
                .map(b -> new SackBucketDto(b.start(), b.lastSampleAt(), b.samples(), b.sent(), b.acked(), b.nack(),
                        b.received(), b.sentDelta(), b.ackedDelta(), b.nackDelta(), b.receivedDelta()))
                .toList();
        return new SackSeriesDto(moduleId, boxId, connectId, start, end, width.toString(), "last-per-bucket+delta",
                series);
    }

    @GetMapping("/jobs")
    public PageDto<JobDto> jobs(@PathVariable String moduleId,
                                @RequestParam(required = false) String box,
                                @RequestParam(required = false) String from,
                                @RequestParam(required = false) String to,
                                @RequestParam(required = false) String outcome,
                                @RequestParam(defaultValue = "0") int page,
                                @RequestParam(required = false) Integer size) {
        String boxId = knownModule(moduleId, box);
        HistoryRequest.Range range = HistoryRequest.range(from, to);
        Pageable pageable = pageable(page, size, Sort.by(Sort.Order.desc("finishedAt"), Sort.Order.desc("id")));
        Page<AtJobRecord> result = outcome == null || outcome.isBlank()
                ? jobs.findByBoxIdAndModuleIdAndFinishedAtGreaterThanEqualAndFinishedAtLessThan(
                        boxId, moduleId, range.from(), range.to(), pageable)
                : jobs.findByBoxIdAndModuleIdAndOutcomeAndFinishedAtGreaterThanEqualAndFinishedAtLessThan(
                        boxId, moduleId, outcome(outcome).name(), range.from(), range.to(), pageable);
        return page(result, j -> new JobDto(j.getId(), j.getCommand(), j.getOutcome(), j.getCmeCode(),
                j.getCmeCode() == null ? null : ModuleErrorCode.nameOf(j.getCmeCode()), j.getDetail(),
                j.getQueuedAt(), j.getStartedAt(), j.getFinishedAt(), millis(j.getQueuedAt(), j.getStartedAt()),
                millis(j.getStartedAt(), j.getFinishedAt())));
    }

    @GetMapping("/ping/history")
    public PageDto<PingDto> pingHistory(@PathVariable String moduleId,
                                        @RequestParam(required = false) String box,
                                        @RequestParam(required = false) String from,
                                        @RequestParam(required = false) String to,
                                        @RequestParam(defaultValue = "0") int page,
                                        @RequestParam(required = false) Integer size) {
        String boxId = knownModule(moduleId, box);
        HistoryRequest.Range range = HistoryRequest.range(from, to);
        Pageable pageable = pageable(page, size, Sort.by(Sort.Order.desc("completedAt")));
        Page<PingRecord> result = pings.findByBoxIdAndModuleIdAndCompletedAtGreaterThanEqualAndCompletedAtLessThan(
                boxId, moduleId, range.from(), range.to(), pageable);
        return page(result, p -> new PingDto(p.getCompletedAt(), p.getHost(), p.getSent(), p.getLost(),
                p.getReplies(), lossRatio(p), p.getRttMinMs(), p.getRttAvgMs(), p.getRttMaxMs()));
    }

    private String knownModule(String moduleId, String box) {
        return scope.knownModule(moduleId, box);
    }

    private Pageable pageable(int page, Integer size, Sort sort) {
        return scope.pageable(page, size, sort);
    }

    private static <E, D> PageDto<D> page(Page<E> page, Function<E, D> mapper) {
        return HistoryScope.page(page, mapper);
    }

    private static JobOutcome outcome(String value) {
        try {
            return JobOutcome.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw badRequest("'outcome' must be one of " + Arrays.toString(JobOutcome.values()) + ", got '" + value
                    + "'");
        }
    }

    private static Long millis(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to).toMillis();
    }

    private static Double lossRatio(PingRecord p) {
        return p.getSent() == null || p.getSent() == 0 || p.getLost() == null ? null
                : (double) p.getLost() / p.getSent();
    }
}
