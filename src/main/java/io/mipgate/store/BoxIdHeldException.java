package io.mipgate.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** At start-up another running gateway kept heartbeating the lease of this gateway's box id. */
public final class BoxIdHeldException extends IllegalStateException {

    private final String boxId;
    private final String host;
    private final long pid;
    private final Instant lastSeen;

    public BoxIdHeldException(String boxId, String host, long pid, Instant lastSeen) {
        super("box id '" + boxId + "' is held by another running gateway (host " + host + ", pid " + pid
                + ", last seen " + lastSeen.truncatedTo(ChronoUnit.MILLIS) + ")");
        this.boxId = boxId;
        this.host = host;
        this.pid = pid;
        this.lastSeen = lastSeen;
    }

    public String boxId() {
        return boxId;
    }

    public String host() {
        return host;
    }

    public long pid() {
        return pid;
    }

    public Instant lastSeen() {
        return lastSeen;
    }
}
