package io.mipgate.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.mipgate.domain.CellularStatus;
import io.mipgate.domain.RegistrationState;
import io.mipgate.domain.SimState;
import io.mipgate.module.ModuleDirectory;
import io.mipgate.module.event.ModuleEvent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Cellular gauges per module from the latest status reading: signal (RSSI, and RSRP/RSRQ where the model has
 * AT+CESQ), the 27.007 registration {@code <stat>}, registered, attached, radio and SIM. RSSI and the registration
 * gauges are registered with every module at discovery (RSSI at the scale's floor and registration UNKNOWN, code 4,
 * until the first reading), so rules and dashboards see the module from start-up; RSRP and RSRQ appear with the
 * module's first value for them, so a model without AT+CESQ exports no such series rather than NaN.
 */
@Component
public class CellularGauges {

    private final MeterRegistry registry;
    private final ModuleSnapshots snapshots;
    private final Map<String, CellularStatus> latest = new ConcurrentHashMap<>();
    private final Map<String, Boolean> registered = new ConcurrentHashMap<>();

    public CellularGauges(MeterRegistry registry, ModuleSnapshots snapshots, ObjectProvider<ModuleDirectory> directory) {
        this.registry = registry;
        this.snapshots = snapshots;
        directory.ifAvailable(d -> d.subscribe(this::onEvent));
    }

    private void onEvent(ModuleEvent event) {
        if (event instanceof ModuleEvent.StatusChanged || event instanceof ModuleEvent.Identified) {
            register(event.moduleId()); // a module announcing itself gets its gauges before the next discovery
        }
        if (event instanceof ModuleEvent.CellularStatusRead read) {
            latest.put(read.moduleId(), read.status());
            register(read.moduleId());
            CellularStatus.Signal signal = read.status().signal();
            if (signal != null) {
                signal(read.moduleId(), "rsrp", "mipgate.cellular.signal.rsrp", "dbm", "AT+CESQ reference signal"
                        + " received power", signal.rsrpDbm());
                signal(read.moduleId(), "rsrq", "mipgate.cellular.signal.rsrq", "db", "AT+CESQ reference signal"
                        + " received quality", signal.rsrqDb());
            }
        }
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${mipgate.metrics.discovery-interval:10s}")
    public void discover() {
        snapshots.all().keySet().forEach(this::register);
    }

    private void register(String module) {
        if (registered.putIfAbsent(module, Boolean.TRUE) != null) {
            return;
        }
        gauge("mipgate.cellular.registration.state", "3GPP TS 27.007 <stat> of AT+CEREG?/AT+CREG? (1 home, 5 roaming,"
                + " 0 not registered, 2 searching, 3 denied, 4 unknown)", module, s -> s.registration() == null
                ? RegistrationState.UNKNOWN.code() : s.registration().state().code(), RegistrationState.UNKNOWN.code());
        gauge("mipgate.cellular.registered", "1 when registered home or roaming, else 0", module,
                s -> s.registration() != null && s.registration().state().registered() ? 1 : 0, 0);
        gauge("mipgate.cellular.attached", "1 when attached to the packet domain (AT+CGATT?), else 0", module,
                s -> Boolean.TRUE.equals(s.attached()) ? 1 : 0, 0);
        gauge("mipgate.cellular.radio.on", "1 when AT+CFUN? is 1, else 0", module,
                s -> Boolean.TRUE.equals(s.radioOn()) ? 1 : 0, 0);
        gauge("mipgate.cellular.sim.ready", "1 when the SIM answers READY, else 0", module,
                s -> s.sim() == SimState.READY ? 1 : 0, 0);
        signal(module, "rssi", "mipgate.cellular.signal.rssi", "dbm", "AT+CSQ received signal strength; the floor"
                + " (-113) while none is detectable or before the first reading", 0);
    }

    private void gauge(String name, String description, String module, ToDoubleFunction<CellularStatus> value,
                       double beforeFirstReading) {
        Gauge.builder(name, () -> {
            CellularStatus status = latest.get(module);
            return status == null ? beforeFirstReading : value.applyAsDouble(status);
        }).description(description).tag("module", module).register(registry);
    }

    private void signal(String module, String kind, String name, String unit, String description, Number first) {
        if (first == null || registered.putIfAbsent(module + "/" + kind, Boolean.TRUE) != null) {
            return;
        }
        Gauge.builder(name, () -> {
            CellularStatus status = latest.get(module);
            Number value = status == null || status.signal() == null ? null : level(status.signal(), kind);
            // no detectable signal reads as the floor of the scale, so "signal lost" is a value an alert can see
            return value == null ? floor(kind) : value.doubleValue();
        }).description(description).baseUnit(unit).tag("module", module).register(registry);
    }

    /** One level of a reading; not a switch expression, whose arms would unbox a missing value. */
    private static Number level(CellularStatus.Signal signal, String kind) {
        if (kind.equals("rssi")) {
            return signal.rssiDbm();
        }
        if (kind.equals("rsrp")) {
            return signal.rsrpDbm();
        }
        return signal.rsrqDb();
    }

    private static double floor(String kind) {
        return switch (kind) {
            case "rssi" -> -113;
            case "rsrp" -> -141;
            default -> -20;
        };
    }
}
