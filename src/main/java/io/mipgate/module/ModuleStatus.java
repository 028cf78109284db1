package io.mipgate.module;

/** Where a module is in its life, as shown in logs, metrics and the API (STYLE §9). */
public enum ModuleStatus {
    /** Link opened, init sequence running. */
    STARTING,
    /** Initialised and executing jobs. */
    UP,
    /** Link lost or module unresponsive; jobs fail fast while the worker backs off. */
    DOWN,
    /** Re-opening the link or re-initialising after a fault. */
    RECOVERING,
    /** Gave up after the configured attempts; an operator retry restarts recovery. */
    FAILED,
    /** Stopped on shutdown. */
    STOPPED
}
