package io.mipgate.module;

import io.mipgate.module.event.ModuleEventListener;
import java.util.List;
import java.util.Optional;

/** What the rest of the gateway may see of the modules: snapshots and an event subscription. */
public interface ModuleDirectory {

    List<ModuleSnapshot> modules();

    Optional<ModuleSnapshot> find(String moduleId);

    /** Whether the module's model reports the ACK status of sent data (AT+MIPSACK); false for an unknown module. */
    default boolean readsAckStatus(String moduleId) {
        return find(moduleId).isPresent();
    }

    /** Adds a subscriber to the events of every module, present and future. */
    void subscribe(ModuleEventListener listener);
}
