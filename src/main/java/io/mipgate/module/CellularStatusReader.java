package io.mipgate.module;

import io.mipgate.at.command.AtCommand;
import io.mipgate.at.command.Cellular;
import io.mipgate.at.command.CellularAnswers;
import io.mipgate.at.decode.FinalResult;
import io.mipgate.at.decode.Information;
import io.mipgate.domain.CellularStatus;
import io.mipgate.domain.ModuleErrorCode;
import io.mipgate.domain.SimState;
import io.mipgate.module.event.ModuleEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a module's cellular status, one AT query per part, on the worker thread. A part the module refuses is left
 * out and named in {@link CellularStatus#unavailable()}; a command the model does not have (bare ERROR) is not asked
 * again, and of the ICCID forms the one that answered is kept. It owns the latest reading and publishes every reading
 * with what changed since the one before.
 */
final class CellularStatusReader {

    private static final int SIM_NOT_INSERTED = 10;

    private final WorkerContext context;
    private volatile CellularStatus latest;
    private boolean extendedSignal = true;
    private boolean epsRegistration = true;
    private String iccidForm;

    CellularStatusReader(WorkerContext context) {
        this.context = context;
    }

    Optional<CellularStatus> latest() {
        return Optional.ofNullable(latest);
    }

    /** Must run on the worker thread (inside a job). */
    CellularStatus read() {
        Map<String, String> unavailable = new LinkedHashMap<>();
        CellularStatus.Signal csq = query(new Cellular.SignalQuality(), "signal", unavailable,
                CellularAnswers::csq).orElse(null);
        CellularStatus.Signal signal = csq;
        if (extendedSignal) {
            ExchangeResult cesq = context.exec(new Cellular.ExtendedSignalQuality());
            if (cesq.result() instanceof FinalResult.Error) {
                extendedSignal = false; // the model has no AT+CESQ
            } else {
                signal = info(cesq, "+CESQ").flatMap(fields -> CellularAnswers.cesq(fields, csq))
                        .orElse(signal);
            }
        }
        CellularStatus.Registration registration = registration(unavailable);
        Boolean attached = query(new Cellular.AttachState(), "attached", unavailable, CellularAnswers::attached)
                .orElse(null);
        Boolean radioOn = query(new Cellular.FunctionalityRead(), "radioOn", unavailable, CellularAnswers::radioOn)
                .orElse(null);
        CellularStatus.Operator operator = query(new Cellular.OperatorSelection(), "operator", unavailable,
                CellularAnswers::operator).orElse(null);
        SimState sim = sim(unavailable);
        String iccid = iccid(unavailable);
        String imsi = text(context.exec(new Cellular.Imsi()), "+CIMI", "imsi", unavailable)
                .flatMap(CellularAnswers::imsi).orElse(null);
        List<CellularStatus.PdpContext> contexts = pdpContexts(unavailable);
        ModuleSnapshotFacts identity = context.state.locked(() ->
                new ModuleSnapshotFacts(context.state.imei(), context.state.firmware()));
        CellularStatus reading = new CellularStatus(context.state.now(), signal, registration, attached, radioOn,
                operator, sim, iccid, imsi, identity.imei(), identity.firmware(), contexts, unavailable);
        String change = change(latest, reading);
        latest = reading;
        context.state.publish(new ModuleEvent.CellularStatusRead(context.id, reading.readAt(), reading, change));
        return reading;
    }

    private record ModuleSnapshotFacts(String imei, String firmware) {
    }

    private CellularStatus.Registration registration(Map<String, String> unavailable) {
        if (epsRegistration) {
            ExchangeResult cereg = context.exec(new Cellular.EpsRegistration());
            if (!(cereg.result() instanceof FinalResult.Error)) {
                return parsed(cereg, "+CEREG", "registration", unavailable,
                        fields -> CellularAnswers.registration("+CEREG", fields)).orElse(null);
            }
            epsRegistration = false; // no EPS registration report: ask the circuit-switched one
        }
        return query(new Cellular.Registration(), "registration", unavailable,
                fields -> CellularAnswers.registration("+CREG", fields)).orElse(null);
    }

    private SimState sim(Map<String, String> unavailable) {
        ExchangeResult cpin = context.exec(new Cellular.PinState());
        if (cpin.errorCode() != null && cpin.errorCode() == SIM_NOT_INSERTED) {
            return SimState.NOT_INSERTED;
        }
        if (!cpin.ok()) {
            unavailable.put("sim", refusal(cpin));
            return SimState.FAILURE;
        }
        return info(cpin, "+CPIN").map(CellularAnswers::pin).orElse(SimState.UNKNOWN);
    }

    private String iccid(Map<String, String> unavailable) {
        List<String> forms = iccidForm == null ? Cellular.Iccid.FORMS : List.of(iccidForm);
        String lastRefusal = "no ICCID command answered";
        for (String form : forms) {
            ExchangeResult answer = context.exec(new Cellular.Iccid(form));
            if (answer.result() instanceof FinalResult.Error) {
                continue; // not this model's form
            }
            iccidForm = form;
            if (!answer.ok()) {
                lastRefusal = refusal(answer);
                break;
            }
            Optional<String> iccid = text(answer, form, "iccid", unavailable).flatMap(CellularAnswers::iccid);
            if (iccid.isPresent()) {
                return iccid.get();
            }
            lastRefusal = "no ICCID in the answer to AT" + form;
            break;
        }
        unavailable.put("iccid", lastRefusal);
        return null;
    }

    private List<CellularStatus.PdpContext> pdpContexts(Map<String, String> unavailable) {
        ExchangeResult defined = context.exec(new Cellular.PdpContexts());
        if (!defined.ok()) {
            unavailable.put("pdpContexts", refusal(defined));
            return List.of();
        }
        Map<Integer, CellularStatus.PdpContext> contexts = new LinkedHashMap<>();
        infos(defined, "+CGDCONT").forEach(fields -> CellularAnswers.pdpContext(fields)
                .ifPresent(c -> contexts.put(c.cid(), c)));
        ExchangeResult addresses = context.exec(new Cellular.PdpAddresses());
        if (addresses.ok()) {
            infos(addresses, "+CGPADDR").forEach(fields -> CellularAnswers.pdpAddresses(fields).ifPresent(a ->
                    contexts.computeIfPresent(a.cid(), (cid, c) ->
                            new CellularStatus.PdpContext(cid, c.type(), c.apn(), a.addresses()))));
        } else {
            unavailable.put("pdpAddresses", refusal(addresses));
        }
        return new ArrayList<>(contexts.values());
    }

    private <T> Optional<T> query(AtCommand command, String part, Map<String, String> unavailable,
                                  Function<List<String>, Optional<T>> decode) {
        ExchangeResult answer = context.exec(command);
        return parsed(answer, prefixOf(command), part, unavailable, decode);
    }

    private static <T> Optional<T> parsed(ExchangeResult answer, String prefix, String part,
                                          Map<String, String> unavailable, Function<List<String>, Optional<T>> decode) {
        if (!answer.ok()) {
            unavailable.put(part, refusal(answer));
            return Optional.empty();
        }
        Optional<T> value = info(answer, prefix).flatMap(decode);
        if (value.isEmpty()) {
            unavailable.put(part, "no " + prefix + " line in the answer");
        }
        return value;
    }

    /** The value of a command answered as {@code +XXX: value} by some firmware and as a bare line by others. */
    private static Optional<String> text(ExchangeResult answer, String prefix, String part,
                                         Map<String, String> unavailable) {
        if (!answer.ok()) {
            unavailable.put(part, refusal(answer));
            return Optional.empty();
        }
        Optional<String> prefixed = info(answer, prefix).filter(f -> f.size() == 1).map(List::getFirst);
        return prefixed.or(() -> answer.lines(Information.TextLine.class).stream().map(Information.TextLine::text)
                .map(String::strip).filter(t -> !t.isEmpty()).findFirst());
    }

    private static Optional<List<String>> info(ExchangeResult answer, String prefix) {
        return infos(answer, prefix).stream().findFirst();
    }

    private static List<List<String>> infos(ExchangeResult answer, String prefix) {
        return answer.lines(Information.GenericInfo.class).stream().filter(g -> g.prefix().equals(prefix))
                .map(Information.GenericInfo::fields).toList();
    }

    private static String prefixOf(AtCommand command) {
        return command.name().substring(2);
    }

    private static String refusal(ExchangeResult answer) {
        return switch (answer.result()) {
            case FinalResult.Ok ok -> "OK without an answer";
            case FinalResult.Error error -> "ERROR";
            case FinalResult.CmeError cme -> "+CME ERROR: " + (cme.code().isPresent()
                    ? cme.code().getAsInt() + describe(cme.code().getAsInt()) : cme.text());
        };
    }

    private static String describe(int code) {
        String meaning = ModuleErrorCode.meaningOf(code);
        return meaning == null || meaning.isBlank() ? "" : " (" + meaning + ")";
    }

    /** What an operator would call a change: registration, attach, radio, SIM, operator, ICCID. */
    static String change(CellularStatus before, CellularStatus now) {
        List<String> changes = new ArrayList<>();
        compare(changes, "registration", before == null || before.registration() == null ? null
                : before.registration().state(), now.registration() == null ? null : now.registration().state());
        compare(changes, "attached", before == null ? null : before.attached(), now.attached());
        compare(changes, "radioOn", before == null ? null : before.radioOn(), now.radioOn());
        compare(changes, "sim", before == null ? null : before.sim(), now.sim());
        compare(changes, "operator", before == null || before.operator() == null ? null : before.operator().name(),
                now.operator() == null ? null : now.operator().name());
        compare(changes, "iccid", before == null ? null : before.iccid(), now.iccid());
        return changes.isEmpty() ? null : String.join(", ", changes);
    }

    private static void compare(List<String> changes, String part, Object before, Object now) {
        if (!Objects.equals(before, now)) {
            changes.add(part + " " + before + "→" + now);
        }
    }
}
