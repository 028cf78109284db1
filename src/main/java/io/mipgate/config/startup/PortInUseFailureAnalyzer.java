package io.mipgate.config.startup;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A demo service's port is taken (most often by a second gateway on the same box) and fallback is off. */
public class PortInUseFailureAnalyzer extends AbstractFailureAnalyzer<PortInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PortInUseException cause) {
        return new FailureAnalysis("Port in use: the " + cause.service() + " could not bind 127.0.0.1:" + cause.port()
                + " (is another mipgate running on this box?).",
                "Stop the other process, or set " + cause.property() + " to a free port (0 picks one), or let"
                        + " mipgate.demo.port-fallback=true pick a free one.", cause);
    }
}
