package io.mipgate.module;

import io.mipgate.at.decode.FinalResult;
import io.mipgate.at.decode.Information;
import java.util.List;

/** The information lines and the final result of one command. */
record ExchangeResult(List<Information> lines, FinalResult result) {

    boolean ok() {
        return result instanceof FinalResult.Ok;
    }

    <T extends Information> List<T> lines(Class<T> type) {
        return lines.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Throws the module's refusal unless the result is OK. */
    ExchangeResult orThrow(String moduleId, String command) {
        switch (result) {
            case FinalResult.Ok ok -> {
                return this;
            }
            case FinalResult.CmeError cme -> throw new ModuleException.ModuleRefused(moduleId, command,
                    cme.code().isPresent() ? cme.code().getAsInt() : null, cme.errorName(), cme.text());
            case FinalResult.Error error -> throw new ModuleException.ModuleRefused(moduleId, command, null, "ERROR", null);
        }
    }

    /** The numeric error code, or null for OK and plain ERROR. */
    Integer errorCode() {
        return result instanceof FinalResult.CmeError cme && cme.code().isPresent() ? cme.code().getAsInt() : null;
    }
}
