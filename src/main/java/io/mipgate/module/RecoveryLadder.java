package io.mipgate.module;

import java.time.Duration;

/**
 * Where a worker stands in its recovery, as a bounded state machine (STYLE §9, ModemManager's escalation on
 * consecutive timeouts). Pure bookkeeping: the worker performs each rung and reports back.
 *
 * <pre>
 *   NONE --timeout--> RESYNC --fresh OK--> NONE
 *                       |  no fresh OK after the probes, or too many consecutive timeouts
 *   link lost --------> REOPEN --link up + init--> NONE
 *                       |  the link opened but the module stayed silent, {@code reopensBeforeReboot} times
 *                     REBOOT (soft reboot) --init--> NONE
 *                       |  {@code reboots} soft reboots without success, or {@code maxAttempts} attempts in all
 *                     FAILED --operator retry--> REOPEN
 * </pre>
 */
final class RecoveryLadder {

    /** The rungs, as shown in logs, events, metrics and the module snapshot. */
    enum Rung { NONE, RESYNC, REOPEN, REBOOT, FAILED }

    /**
     * @param timeoutsBeforeReboot consecutive command timeouts (each resynchronised) that make a soft reboot the next step
     * @param reopensBeforeReboot  reopen attempts in which the link opened but the module did not answer, before a reboot
     * @param reboots              soft reboots to try before giving up; 0 skips the rung
     * @param maxAttempts          recovery attempts in one episode before FAILED; 0 = never give up
     */
    record Policy(int timeoutsBeforeReboot, int reopensBeforeReboot, int reboots, int maxAttempts, Backoff backoff) {
    }

    private final Policy policy;
    private Rung rung = Rung.NONE;
    private int attempts;
    private int silentReopens;
    private int rebootsTried;
    private int consecutiveTimeouts;
    private String reason;

    RecoveryLadder(Policy policy) {
        this.policy = policy;
    }

    Rung rung() {
        return rung;
    }

    /** Recovery attempts in the current episode (0 while healthy). */
    int attempts() {
        return attempts;
    }

    int consecutiveTimeouts() {
        return consecutiveTimeouts;
    }

    String reason() {
        return reason;
    }

    /** A command got its final result. */
    void answered() {
        consecutiveTimeouts = 0;
    }

    /** A command timed out: resynchronise, or reboot when timeouts keep coming although the line resynchronises. */
    Rung timedOut(String what) {
        consecutiveTimeouts++;
        if (rung == Rung.NONE || rung == Rung.RESYNC) {
            boolean reboot = rebootsTried < policy.reboots() && consecutiveTimeouts >= policy.timeoutsBeforeReboot();
            move(reboot ? Rung.REBOOT : Rung.RESYNC, consecutiveTimeouts + " consecutive timeouts (" + what + ")");
        }
        return rung;
    }

    /** Resynchronisation ended with a fresh OK. */
    void resynchronised() {
        if (rung == Rung.RESYNC) {
            rung = Rung.NONE;
        }
    }

    /** The probes found no clean line. */
    Rung resyncFailed() {
        return move(Rung.REOPEN, "no fresh OK after resync probes");
    }

    Rung linkLost(String why) {
        return rung == Rung.FAILED || rung == Rung.REBOOT ? rung : move(Rung.REOPEN, why);
    }

    /** The module rebooted by itself ({@code +MATREADY}): re-initialise as after a reopen. */
    Rung moduleReset() {
        return rung == Rung.FAILED ? rung : move(Rung.REOPEN, "module reset");
    }

    /**
     * A reopen or reboot attempt failed.
     *
     * @param moduleSilent the link opened but the module did not answer (a reboot may help; a missing link won't)
     */
    Rung attemptFailed(boolean moduleSilent, String why) {
        attempts++;
        reason = why;
        if (policy.maxAttempts() > 0 && attempts >= policy.maxAttempts()) {
            return move(Rung.FAILED, "gave up after " + attempts + " attempts: " + why);
        }
        if (rung == Rung.REBOOT) {
            return rebootsTried < policy.reboots() ? move(Rung.REBOOT, "soft reboot did not help: " + why)
                    : move(Rung.FAILED, "module still silent after " + rebootsTried + " soft reboot(s): " + why);
        }
        if (moduleSilent && ++silentReopens >= policy.reopensBeforeReboot()) {
            silentReopens = 0;
            return rebootsTried < policy.reboots()
                    ? move(Rung.REBOOT, "module silent after " + policy.reopensBeforeReboot() + " reopen(s)")
                    : move(Rung.FAILED, "module silent after " + policy.reopensBeforeReboot() + " reopen(s) and "
                            + rebootsTried + " soft reboot(s)");
        }
        return rung;
    }

    /** The wait before the next attempt: capped exponential in the attempts made. */
    Duration delay() {
        return attempts == 0 ? Duration.ZERO : policy.backoff().delay(attempts);
    }

    /** The module is initialised and UP again; the episode is over. */
    void recovered() {
        rung = Rung.NONE;
        attempts = 0;
        silentReopens = 0;
        rebootsTried = 0;
        consecutiveTimeouts = 0;
        reason = null;
    }

    /** An operator asks a FAILED module to try again: a fresh episode from the reopen rung. */
    boolean operatorRetry() {
        if (rung != Rung.FAILED) {
            return false;
        }
        recovered();
        move(Rung.REOPEN, "operator retry");
        return true;
    }

    private Rung move(Rung to, String why) {
        if (to == Rung.REBOOT) {
            rebootsTried++;
        }
        rung = to;
        reason = why;
        return rung;
    }
}
