package io.mipgate.testsupport;

import io.mipgate.transport.pty.PseudoTerminal;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The one rule for a test that needs something from the machine (pseudo-terminals, a tool, a database): where it is
 * missing the test is skipped on a workstation, but under {@code CI=true} it fails, so a CI run can never pass by
 * silently not testing.
 */
public final class RequiredFacility {

    private RequiredFacility() {
    }

    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * Returns when {@code available}; otherwise aborts the calling test (reported as skipped) outside CI and fails it
     * under {@code CI=true}. {@code missing} says what is missing and how to get it.
     */
    public static void require(boolean available, String missing) {
        require(available, missing, inCi());
    }

    static void require(boolean available, String missing, boolean ci) {
        if (available) {
            return;
        }
        if (ci) {
            Assertions.fail("CI=true but " + missing);
        }
        Assumptions.abort(missing + "; skipped outside CI");
    }

    /** Linux pseudo-terminals through JNA: the only path on which jSerialComm is tested. */
    public static void requirePseudoTerminals() {
        require(PseudoTerminal.isSupported(),
                "pseudo-terminals are unavailable (they need Linux and JNA's native library for libc)");
    }
}
