package io.mipgate.module;

/** No module with that id is configured. */
public final class UnknownModuleException extends ModuleException {

    public UnknownModuleException(String moduleId) {
        super(moduleId, "no module '" + moduleId + "'");
    }
}
