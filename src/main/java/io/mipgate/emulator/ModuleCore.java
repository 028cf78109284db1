package io.mipgate.emulator;

import io.mipgate.domain.ModuleErrorCode;
import io.mipgate.emulator.model.ModelFacts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The module's single-threaded heart: one loop thread runs every command, every timer and every socket event in
 * order, so module state needs no locks. Socket threads and worker jobs only {@link #post} work to it.
 */
final class ModuleCore {

    private static final Logger log = LoggerFactory.getLogger(ModuleCore.class);

    final EmulatorConfig config;
    final ModelFacts model;
    final FirmwareProfile firmware;
    final LineRate txRate;
    final LineRate rxRate;
    final ModuleUart uart;
    final ModuleOutput out;
    final FaultInjector faults;
    final Inbound inbound;
    final HostNetwork network;
    final NetworkConditions conditions = new NetworkConditions();
    /** PDP context definitions and the data call; created with the core, so definitions outlive reboots. */
    final DataCallCommands dataCall;
    /** How connection outcomes read in the model's dialect. */
    final ConnectionReports reports;
    final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

    private final ModuleLoop loop = new ModuleLoop();
    private final Map<String, CommandHandler> handlers = new HashMap<>();
    private final Deque<InputChunk> backlog = new ArrayDeque<>();
    private final CommandLineInput commandLine;
    private ModuleState state;
    private InputMode input;
    private int epoch;
    private boolean replyPending;
    private boolean booting;
    private boolean readyWithheld;
    private Runnable detachHook = () -> { };

    ModuleCore(EmulatorConfig config) {
        this.config = config;
        this.model = config.model();
        this.firmware = config.firmware();
        this.txRate = new LineRate(config.baud());
        this.rxRate = new LineRate(config.baud());
        this.uart = new ModuleUart(config.lineRate());
        this.out = new ModuleOutput(txRate, uart);
        this.faults = new FaultInjector(this, firmware.firstDnsAfterBootError());
        this.reports = new ConnectionReports(model.dialect());
        this.inbound = new Inbound(this);
        this.network = new HostNetwork(config.ping());
        this.commandLine = new CommandLineInput(this);
        this.state = new ModuleState(config, null);
        conditions.onChange(() -> post(this::radioWorldChanged));
        this.input = commandLine;
        new BasicCommands(this).register(handlers);
        new ConfigCommands(this).register(handlers);
        new OpenCloseCommands(this).register(handlers);
        new StatusCommands(this).register(handlers);
        new SendCommand(this).register(handlers);
        new ReadCommand(this).register(handlers);
        new DnsCommands(this).register(handlers);
        new PingCommand(this).register(handlers);
        new NtpCommand(this).register(handlers);
        this.dataCall = new DataCallCommands(this);
        dataCall.register(handlers);
        new CellularCommands(this).register(handlers);
        new SerialPortCommands(this).register(handlers);
    }

    // ---------------------------------------------------------------- lifecycle

    void start() {
        if (loop.start("emu-" + model.family().displayName())) {
            post(this::boot);
        }
    }

    void stop() {
        post(() -> {
            for (ConnectionSlot slot : state.slots) {
                slot.release();
            }
        });
        loop.stop();
        workers.shutdownNow();
    }

    void onDetach(Runnable hook) {
        this.detachHook = hook;
    }

    void detach() {
        out.detach();
        detachHook.run();
    }

    /** Power-up or reboot: every connection, buffer and setting is lost; {@code +MATREADY} after the boot delay. */
    void boot() {
        epoch++;
        for (ConnectionSlot slot : state.slots) {
            slot.release();
        }
        state = new ModuleState(config, state.dns);
        state.dataCallActive &= !faults.networkLost() && registered();
        if (!model.dns().persistent()) {
            network.clearDnsCache(); // Cat.1 keeps nothing of its DNS over a reboot
        }
        input = commandLine;
        commandLine.reset();
        backlog.clear();
        replyPending = false;
        loop.clearTimers();
        out.clearHeld();
        out.holdUrcs(false);
        booting = true;
        readyWithheld = false;
        schedule(config.bootDelay(), () -> {
            booting = false;
            if (firmware.readyOnFirstHostByte()) {
                readyWithheld = true;
            } else {
                announceReady();
            }
        });
    }

    private void announceReady() {
        out.line("+MATREADY");
        if (firmware.cpinReadyAfterBoot()) {
            out.line("+CPIN: READY");
        }
    }

    void setBaud(int baud) {
        txRate.setBaud(baud);
        rxRate.setBaud(baud);
    }

    /** {@code AT+IPR=<rate>} took effect: a paced line is paced at the new rate from now on. */
    void changeRate(int rate) {
        uart.change(rate, firmware.commandsMissedAfterRateChange());
        if (rate > 0 && txRate.baud() > 0) {
            setBaud(rate);
        }
        log.info("emulated {} now at line rate {}", model.family().displayName(), rate == 0 ? "auto" : rate);
    }

    // ---------------------------------------------------------------- loop

    void post(Runnable task) {
        loop.post(task);
    }

    /** Must be called on the loop. */
    ModuleLoop.Timer schedule(Duration delay, Runnable task) {
        return loop.schedule(delay, task);
    }

    /** Runs {@code work} on a virtual thread and hands its result to the loop, unless the module rebooted meanwhile. */
    <T> void background(Supplier<T> work, Consumer<T> onLoop) {
        int started = epoch;
        workers.execute(() -> {
            T result = work.get();
            post(() -> {
                if (epoch == started) {
                    onLoop.accept(result);
                }
            });
        });
    }

    int epoch() {
        return epoch;
    }

    /** Posts {@code task} unless the module has rebooted since {@code bootEpoch}. */
    void postInEpoch(int bootEpoch, Runnable task) {
        post(() -> {
            if (epoch == bootEpoch) {
                task.run();
            }
        });
    }

    // ---------------------------------------------------------------- input

    record InputChunk(byte[] data, long at) {
    }

    void onInput(byte[] data, long at) {
        if (booting) {
            return;
        }
        if (readyWithheld) {
            readyWithheld = false;
            announceReady();
        }
        if (replyPending) {
            backlog.addLast(new InputChunk(data, at));
            return;
        }
        process(data, 0, at);
    }

    private void process(byte[] data, int offset, long at) {
        int i = offset;
        while (i < data.length) {
            if (replyPending) {
                backlog.addLast(new InputChunk(java.util.Arrays.copyOfRange(data, i, data.length), at));
                return;
            }
            i += input.consume(data, i, at);
        }
    }

    private void drainBacklog() {
        while (!replyPending && !backlog.isEmpty()) {
            InputChunk chunk = backlog.pollFirst();
            process(chunk.data(), 0, chunk.at());
        }
    }

    void switchInput(InputMode mode) {
        input = mode;
    }

    void commandMode() {
        input = commandLine;
    }

    ModuleState state() {
        return state;
    }

    // ---------------------------------------------------------------- commands

    void execute(String line) {
        if (uart.ignoresCommand()) {
            return;
        }
        AtCommand command = AtCommand.parse(line);
        if (command == null) {
            if (!line.isBlank()) {
                answer(Reply.error(AtError.plain()));
            }
            return;
        }
        int forced = faults.takeForcedError();
        if (forced != 0) {
            answer(Reply.error(AtError.cme(forced)));
            return;
        }
        CommandHandler handler = handlers.get(command.name());
        Reply reply;
        if (handler == null) {
            reply = Reply.error(AtError.plain());
        } else {
            try {
                reply = handler.handle(command);
            } catch (AtError e) {
                reply = Reply.error(e);
            } catch (RuntimeException e) {
                log.warn("command {} failed", command, e);
                reply = Reply.error(AtError.plain());
            }
        }
        answer(reply);
    }

    /** Writes a command's answer, applying one-shot faults, then runs its follow-up action. */
    void answer(Reply reply) {
        Duration delay = faults.takeDelay();
        if (faults.takeSwallow()) {
            finish(reply);
            return;
        }
        byte[] bytes = reply.render(faults.takeUrcInNext(), this::resultLine);
        if (delay.isZero() || delay.isNegative()) {
            out.write(bytes);
            finish(reply);
            return;
        }
        replyPending = true;
        schedule(delay, () -> {
            out.write(bytes);
            replyPending = false;
            finish(reply);
        });
    }

    private void finish(Reply reply) {
        if (reply.after != null) {
            reply.after.run();
        }
        drainBacklog();
    }

    String resultLine(int result) {
        if (result == Reply.OK) {
            return "OK";
        }
        if (result == Reply.ERROR || state.cmee == 0) {
            return "ERROR";
        }
        return state.cmee == 2
                ? "+CME ERROR: " + ModuleErrorCode.meaningOf(result)
                : "+CME ERROR: " + result;
    }

    // ---------------------------------------------------------------- helpers for handlers

    /** {@code <connect_id>} at {@code index}, checked against the model's range. */
    ConnectionSlot slot(List<AtCommand.Param> params, int index) {
        return state.slots[AtCommand.integer(params, index, model.connectIds())];
    }

    ConnectionSlot slot(int id) {
        return id >= 0 && id < state.slots.length ? state.slots[id] : null;
    }

    /** Port enters transparent mode on {@code slot} (after {@code CONNECT} was written). */
    void enterTransparent(ConnectionSlot slot) {
        state.transparent = slot;
        out.holdUrcs(true);
        input = new TransparentInput(this, slot, System.nanoTime());
    }

    /** Port leaves transparent mode; {@code marker} (may be null) goes out before held URCs are released. */
    void leaveTransparent(ConnectionSlot slot, byte[] marker) {
        if (state.transparent != slot) {
            return;
        }
        if (input instanceof TransparentInput transparent) {
            transparent.cancelTimers();
        }
        state.transparent = null;
        input = commandLine;
        if (marker != null) {
            out.write(marker);
        }
        out.holdUrcs(false);
    }

    /** Radio on, a SIM in and the network's verdict home or roaming: what a data call needs. */
    boolean registered() {
        int stat = conditions.registration();
        return state.cfun == 1 && conditions.sim() != null && (stat == 1 || stat == 5);
    }

    /**
     * Radio, SIM or registration changed. An LTE attach brings up the default bearer, a detach takes it down: a module
     * no longer registered loses its data call, and one registered again gets it back, unless the host took it down.
     */
    void radioWorldChanged() {
        if (!registered()) {
            if (state.dataCallActive) {
                dataCallLost();
                state.dataCallLostToRadio = true;
            }
        } else if (state.dataCallLostToRadio && !faults.networkLost()) {
            state.dataCallLostToRadio = false;
            state.dataCallActive = true;
        }
    }

    /**
     * PDP context 1 went down (deactivated by the host or lost by the network): every connection ends with
     * {@code "disconn"} state 3 (FIELD-NOTES §8.3), and an open still connecting fails as a connect would.
     */
    void dataCallLost() {
        if (!state.dataCallActive) {
            return;
        }
        state.dataCallActive = false;
        for (ConnectionSlot slot : state.slots) {
            if (slot.state == SlotState.CONNECTING) {
                slot.release();
                int code = model.open().failureAsErrorCode() ? ModuleErrorCode.PDP_NOT_ACTIVATED.code() : 1;
                out.urc("+MIPOPEN: " + slot.id + "," + code);
            } else if (slot.connected()) {
                inbound.disconnected(slot, slot.connection, 3);
            }
        }
    }

    void resetByPeer(int id) {
        ConnectionSlot slot = slot(id);
        if (slot != null && slot.connection != null) {
            slot.connection.resetByPeer();
        }
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
