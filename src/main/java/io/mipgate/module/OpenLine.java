package io.mipgate.module;

import io.mipgate.at.decode.AtEvent;
import io.mipgate.transport.LinkFactories;
import io.mipgate.transport.LinkSpec;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * The worker's line: the session on the link as last opened, and which link that is (the configured one, or the same
 * at the rate a module could only be reached at). Only the worker thread opens and closes it; anyone may look.
 */
final class OpenLine {

    private final ModuleState state;
    private final LinkFactories links;
    private final Consumer<AtEvent> router;
    private final LineSession.ReadGate gate;
    private volatile LineSession session;
    private volatile LinkSpec spec;

    OpenLine(ModuleState state, LinkFactories links, LinkSpec configured, Consumer<AtEvent> router,
             LineSession.ReadGate gate) {
        this.state = state;
        this.links = links;
        this.spec = configured;
        this.router = router;
        this.gate = gate;
    }

    /** The open session, or {@code null} between a lost link and the next open. */
    LineSession session() {
        return session;
    }

    LinkSpec spec() {
        return spec;
    }

    /** Closes the session there is and opens one on {@code link}. */
    LineSession open(LinkSpec link) throws IOException {
        close();
        spec = link;
        LineSession fresh = new LineSession(state, links.create(state.id, link), router, gate);
        fresh.start();
        session = fresh;
        return fresh;
    }

    void close() {
        LineSession old = session;
        session = null;
        if (old != null) {
            old.close();
        }
    }
}
