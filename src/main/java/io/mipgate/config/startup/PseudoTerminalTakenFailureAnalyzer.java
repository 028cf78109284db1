package io.mipgate.config.startup;

import java.nio.file.FileAlreadyExistsException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A virtual module's pseudo-terminal name is held by a live device: another gateway's or emulator's. (A link left
 * dangling by a killed one is replaced without asking.)
 */
public class PseudoTerminalTakenFailureAnalyzer extends AbstractFailureAnalyzer<FileAlreadyExistsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, FileAlreadyExistsException cause) {
        if (cause.getFile() == null || cause.getOtherFile() == null || !cause.getOtherFile().startsWith("/dev/")) {
            return null;
        }
        return new FailureAnalysis("Serial device busy: " + cause.getFile() + " already links to " + cause.getOtherFile()
                + ", a device another gateway or emulator has open.",
                "Stop the other one, or give this module another pty= path in mipgate.modules[].port (in the demo:"
                        + " --mipgate.demo.pty-dir=/tmp/mipgate-2).", cause);
    }
}
