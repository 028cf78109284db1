package io.mipgate.module;

/** Base of the failures a module operation reports; each subtype maps to one API problem type. */
public abstract class ModuleException extends RuntimeException {

    private final String moduleId;

    protected ModuleException(String moduleId, String message) {
        super(message);
        this.moduleId = moduleId;
    }

    protected ModuleException(String moduleId, String message, Throwable cause) {
        super(message, cause);
        this.moduleId = moduleId;
    }

    public String moduleId() {
        return moduleId;
    }

    /** The module answered ERROR or +CME ERROR. */
    public static final class ModuleRefused extends ModuleException {
        /** The name of a failed open an NB module reports as {@code +MIPOPEN: <id>,1}, without a code (fn 15). */
        public static final String OPEN_FAILED = "OPEN_FAILED";

        private final Integer code;
        private final String errorName;

        public ModuleRefused(String moduleId, String command, Integer code, String errorName, String text) {
            super(moduleId, command + " refused by module " + moduleId + ": "
                    + (code == null ? (text == null ? "ERROR" : text) : "+CME ERROR: " + code + " (" + errorName + ")"));
            this.code = code;
            this.errorName = errorName;
        }

        /** The numeric error code, null for a plain ERROR. */
        public Integer code() {
            return code;
        }

        public String errorName() {
            return errorName;
        }

        /** An open that failed without a code: the peer or the path failed, the cause unknown (NB series, fn 15). */
        public boolean uncodedOpenFailure() {
            return code == null && OPEN_FAILED.equals(errorName);
        }
    }

    /** A DNS lookup the module ran found no address: its URC named only the domain (AT-REFERENCE §2.10). */
    public static final class LookupFailed extends ModuleException {
        private final String domain;

        public LookupFailed(String moduleId, String domain) {
            super(moduleId, "module " + moduleId + " could not resolve " + domain);
            this.domain = domain;
        }

        public String domain() {
            return domain;
        }
    }

    /**
     * A prompted send whose outcome is unknown: the module never showed its {@code >} prompt (or the line failed after
     * it), so the gateway cannot tell whether the bytes reached the module. Nothing was written as payload that was
     * not the caller's, and no command text can have become payload.
     */
    public static final class SendOutcomeUnknown extends ModuleException {
        private final int connectId;
        private final long acceptedBefore;

        public SendOutcomeUnknown(String moduleId, int connectId, long acceptedBefore, String why) {
            super(moduleId, "send on connect_id " + connectId + " of module " + moduleId + " has an unknown outcome after "
                    + acceptedBefore + " accepted bytes: " + why);
            this.connectId = connectId;
            this.acceptedBefore = acceptedBefore;
        }

        public int connectId() {
            return connectId;
        }

        /** Bytes of the same send the module had confirmed before the chunk whose fate is unknown. */
        public long acceptedBefore() {
            return acceptedBefore;
        }
    }

    /** The command or its asynchronous result did not arrive in time. */
    public static final class ModuleTimeout extends ModuleException {
        public ModuleTimeout(String moduleId, String what) {
            super(moduleId, "module " + moduleId + " did not answer " + what + " in time");
        }
    }

    /** The module is not UP (DOWN, RECOVERING, FAILED, STOPPED) or its link went away. */
    public static final class ModuleUnavailable extends ModuleException {
        private final ModuleStatus status;

        public ModuleUnavailable(String moduleId, ModuleStatus status, String reason) {
            super(moduleId, "module " + moduleId + " is " + status + (reason == null ? "" : ": " + reason));
            this.status = status;
        }

        public ModuleStatus status() {
            return status;
        }
    }

    /** The job queue of the module is full. */
    public static final class QueueFull extends ModuleException {
        public QueueFull(String moduleId, int capacity) {
            super(moduleId, "job queue of module " + moduleId + " is full (" + capacity + " jobs)");
        }
    }

    /** The operation conflicts with a connection's or the module's state (id busy, not connected, bridged). */
    public static final class StateConflict extends ModuleException {
        public StateConflict(String moduleId, String message) {
            super(moduleId, message);
        }
    }

    /** The job was cancelled before it ran. */
    public static final class Cancelled extends ModuleException {
        public Cancelled(String moduleId, String command) {
            super(moduleId, command + " on module " + moduleId + " was cancelled");
        }
    }
}
