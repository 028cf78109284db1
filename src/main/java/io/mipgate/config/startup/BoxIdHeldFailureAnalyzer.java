package io.mipgate.config.startup;

import io.mipgate.store.BoxIdHeldException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Two gateways configured with one box id on a shared database: the one starting second refuses, since its start would
 * close the running one's open connection rows and their histories would interleave.
 */
public class BoxIdHeldFailureAnalyzer extends AbstractFailureAnalyzer<BoxIdHeldException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BoxIdHeldException cause) {
        return new FailureAnalysis(cause.getMessage() + ": give each gateway its own mipgate.box-id",
                "Set mipgate.box-id (MIPGATE_BOX_ID) of this gateway to a name no other gateway of the fleet uses,"
                        + " or stop the other one.", cause);
    }
}
