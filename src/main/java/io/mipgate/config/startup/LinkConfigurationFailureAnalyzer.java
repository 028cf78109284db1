package io.mipgate.config.startup;

import io.mipgate.transport.LinkConfigurationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A module's link or worker setting that cannot work: the module, the setting and what is wrong, in one line. */
public class LinkConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<LinkConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, LinkConfigurationException cause) {
        return new FailureAnalysis("Bad configuration value: " + cause.getMessage(),
                "Fix mipgate.modules entry '" + cause.moduleId() + "', setting '" + cause.setting()
                        + "' (README \"Configuring modules\").", cause);
    }
}
