package io.mipgate.module;

import io.mipgate.at.command.Basic;
import io.mipgate.at.command.Cellular;
import io.mipgate.domain.CellularStatus;
import io.mipgate.module.event.ModuleEvent;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A module's cellular side for operators: its status, read on demand or on a schedule, and the controls — reboot,
 * radio off/on, PDP context, retry — each recorded as an {@link ModuleEvent.OperatorAction} with who asked and how it
 * ended.
 */
public final class CellularOps {

    private final ModuleWorker worker;
    private final ModuleClient client;
    private final CellularStatusReader reader;

    CellularOps(ModuleWorker worker, ModuleClient client) {
        this.worker = worker;
        this.client = client;
        this.reader = new CellularStatusReader(worker.context);
    }

    /** The latest reading, empty until the first one. */
    public Optional<CellularStatus> status() {
        return reader.latest();
    }

    /** Reads the status now, as an operator's job. */
    public CompletableFuture<CellularStatus> refresh() {
        return client.user("CELLULAR-STATUS", reader::read);
    }

    /** Reads the status as periodic maintenance; skipped while a connection holds the line in transparent mode. */
    CompletableFuture<CellularStatus> poll() {
        if (worker.status() != ModuleStatus.UP || worker.table.bridged() != null) {
            return CompletableFuture.completedFuture(null);
        }
        return worker.context.control("CELLULAR-STATUS", () -> worker.table.bridged() != null ? null : reader.read());
    }

    /**
     * {@code AT+MREBOOT}: the module answers OK, prints REBOOTING and boots; its {@code +MATREADY} makes the worker
     * forget the connections and initialise it again, as after any reboot it notices.
     */
    public CompletableFuture<Void> reboot(String requestedBy) {
        return recorded("reboot", "AT+MREBOOT", requestedBy, () -> client.user("AT+MREBOOT", () -> {
            worker.context.exec(new Basic.Reboot()).orThrow(worker.id(), "AT+MREBOOT");
            return null;
        }));
    }

    /** {@code AT+CFUN=1} or {@code AT+CFUN=0}; the status is read again afterwards so it shows the effect. */
    public CompletableFuture<CellularStatus> radio(boolean on, String requestedBy) {
        Cellular.SetFunctionality command = new Cellular.SetFunctionality(on ? 1 : 0);
        return recorded("radio", command.describe(), requestedBy, () -> client.user("AT+CFUN", () -> {
            worker.context.exec(command).orThrow(worker.id(), command.describe());
            return reader.read();
        }));
    }

    /**
     * {@code AT+CGDCONT=<cid>,"<type>","<apn>"}, checked before it is queued. The module uses the definition the
     * next time it activates the context (after a reboot or a radio off/on for context 1).
     */
    public CompletableFuture<CellularStatus> definePdpContext(int cid, String pdpType, String apn, String requestedBy) {
        Cellular.DefinePdpContext command = new Cellular.DefinePdpContext(cid, pdpType, apn);
        command.encode(worker.state.profile());
        String detail = "AT+CGDCONT=" + cid + ",\"" + pdpType + "\",\"" + apn + "\"";
        return recorded("pdp-context", detail, requestedBy, () -> client.user("AT+CGDCONT", () -> {
            worker.context.exec(command).orThrow(worker.id(), command.describe());
            return reader.read();
        }));
    }

    /** Asks a FAILED module's worker to try again; recorded whatever the module's status. */
    public void retry(String requestedBy) {
        ModuleStatus status = worker.status();
        worker.retry();
        publish("retry", "recovery from " + status, requestedBy, status == ModuleStatus.FAILED ? null
                : "module was " + status + ", not FAILED: nothing to retry");
    }

    private <T> CompletableFuture<T> recorded(String action, String detail, String requestedBy,
                                              Supplier<CompletableFuture<T>> request) {
        CompletableFuture<T> result;
        try {
            result = request.get();
        } catch (RuntimeException refused) {
            publish(action, detail, requestedBy, refused.getMessage());
            throw refused;
        }
        return result.whenComplete((value, failure) -> publish(action, detail, requestedBy,
                failure == null ? null : rootMessage(failure)));
    }

    private void publish(String action, String detail, String requestedBy, String failure) {
        worker.state.publish(new ModuleEvent.OperatorAction(worker.id(), worker.state.now(), action, detail,
                requestedBy, failure));
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return String.valueOf(cause.getMessage());
    }
}
