package io.mipgate.module.event;

/** A subscriber to worker events. Must return quickly and never throw into the worker. */
@FunctionalInterface
public interface ModuleEventListener {

    void onEvent(ModuleEvent event);
}
