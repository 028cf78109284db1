package io.mipgate.api.history;

import io.mipgate.api.history.HistoryDtos.PageDto;
import io.mipgate.store.history.CellularChangeRecordRepository;
import io.mipgate.store.history.DnsResultRecordRepository;
import io.mipgate.store.history.NtpResultRecordRepository;
import io.mipgate.store.history.OperatorActionRecordRepository;
import io.mipgate.store.history.StatusChangeRecordRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import java.time.Instant;
import java.util.function.Function;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The history of what operators ask about, newest first and paged like the other history endpoints ({@code from},
 * {@code to} ISO-8601, {@code page}, {@code size}, {@code box}): module status changes, cellular status changes,
 * DNS and NTP results, and operator actions (reboot, radio, PDP context, retry).
 */
@RestController
@RequestMapping("/api/v1/modules/{moduleId}")
@Tag(name = HistoryController.TAG, description = HistoryController.TAG_DESCRIPTION)
public class OperatorHistoryController {

    private final HistoryScope scope;
    private final StatusChangeRecordRepository statusChanges;
    private final CellularChangeRecordRepository cellularChanges;
    private final DnsResultRecordRepository dns;
    private final NtpResultRecordRepository ntp;
    private final OperatorActionRecordRepository actions;

    OperatorHistoryController(HistoryScope scope, StatusChangeRecordRepository statusChanges,
                              CellularChangeRecordRepository cellularChanges, DnsResultRecordRepository dns,
                              NtpResultRecordRepository ntp, OperatorActionRecordRepository actions) {
        this.scope = scope;
        this.statusChanges = statusChanges;
        this.cellularChanges = cellularChanges;
        this.dns = dns;
        this.ntp = ntp;
        this.actions = actions;
    }

    public record StatusChangeDto(java.time.Instant at, String from, String to, String reason) {
    }

    public record CellularChangeDto(java.time.Instant at, String change, String registration, Boolean attached,
                                    Boolean radioOn, String sim, String operator, String iccid, Integer rssiDbm,
                                    Integer rsrpDbm) {
    }

    public record DnsResultDto(java.time.Instant at, String domain, List<String> addresses, boolean succeeded) {
    }

    public record NtpResultDto(java.time.Instant at, String server, int result, String moduleTime) {
    }

    public record OperatorActionDto(java.time.Instant at, String action, String detail, String requestedBy,
                                    boolean succeeded, String failure) {
    }

    @GetMapping("/status/history")
    @Operation(summary = "Module status changes (UP, DOWN, RECOVERING, FAILED...)")
    public PageDto<StatusChangeDto> statusHistory(@PathVariable String moduleId, @ParameterObject HistoryWindow window) {
        return query(moduleId, window, "changedAt", statusChanges::findByBoxIdAndModuleIdAndChangedAtGreaterThanEqualAndChangedAtLessThan, r -> new StatusChangeDto(r.getChangedAt(), r.getFromStatus(), r.getToStatus(), r.getReason()));
    }

    @GetMapping("/cellular/history")
    @Operation(summary = "Cellular status changes", description = "Readings whose registration, attach, radio, SIM,"
            + " operator or ICCID differed from the reading before, with the signal at the time.")
    public PageDto<CellularChangeDto> cellularHistory(@PathVariable String moduleId, @ParameterObject HistoryWindow window) {
        return query(moduleId, window, "readAt", cellularChanges::findByBoxIdAndModuleIdAndReadAtGreaterThanEqualAndReadAtLessThan, r -> new CellularChangeDto(r.getReadAt(), r.getChangeSummary(),
                r.getRegistration(), r.getAttached(), r.getRadioOn(), r.getSim(), r.getOperatorName(), r.getIccid(),
                r.getRssiDbm(), r.getRsrpDbm()));
    }

    @GetMapping("/dns/history")
    @Operation(summary = "DNS lookups (AT+MDNSGIP) and what they resolved to")
    public PageDto<DnsResultDto> dnsHistory(@PathVariable String moduleId, @ParameterObject HistoryWindow window) {
        return query(moduleId, window, "resolvedAt", dns::findByBoxIdAndModuleIdAndResolvedAtGreaterThanEqualAndResolvedAtLessThan, r -> new DnsResultDto(r.getResolvedAt(), r.getDomain(),
                r.getAddresses() == null || r.getAddresses().isEmpty() ? List.of()
                        : Arrays.asList(r.getAddresses().split(",")), r.isSucceeded()));
    }

    @GetMapping("/ntp/history")
    @Operation(summary = "NTP synchronisations (AT+MNTP)")
    public PageDto<NtpResultDto> ntpHistory(@PathVariable String moduleId, @ParameterObject HistoryWindow window) {
        return query(moduleId, window, "completedAt", ntp::findByBoxIdAndModuleIdAndCompletedAtGreaterThanEqualAndCompletedAtLessThan, r -> new NtpResultDto(r.getCompletedAt(), r.getServer(), r.getResultCode(), r.getModuleTime()));
    }

    @GetMapping("/actions/history")
    @Operation(summary = "Operator actions: reboot, radio, PDP context and retry, with who asked and the outcome")
    public PageDto<OperatorActionDto> actionHistory(@PathVariable String moduleId, @ParameterObject HistoryWindow window) {
        return query(moduleId, window, "requestedAt", actions::findByBoxIdAndModuleIdAndRequestedAtGreaterThanEqualAndRequestedAtLessThan, r -> new OperatorActionDto(r.getRequestedAt(), r.getAction(),
                r.getDetail(), r.getRequestedBy(), r.isSucceeded(), r.getFailure()));
    }

    /** A repository's "newest first in [from, to)" query. */
    @FunctionalInterface
    private interface Finder<E> {
        Page<E> find(String boxId, String moduleId, Instant from, Instant to, Pageable page);
    }

    private <E, D> PageDto<D> query(String moduleId, HistoryWindow window, String time, Finder<E> finder,
                                    Function<E, D> mapper) {
        String boxId = scope.knownModule(moduleId, window.box());
        HistoryRequest.Range range = HistoryRequest.range(window.from(), window.to());
        Pageable pageable = scope.pageable(window.page() == null ? 0 : window.page(), window.size(), newest(time));
        return HistoryScope.page(finder.find(boxId, moduleId, range.from(), range.to(), pageable), mapper);
    }

    private static Sort newest(String time) {
        return Sort.by(Sort.Order.desc(time), Sort.Order.desc("id"));
    }
}
