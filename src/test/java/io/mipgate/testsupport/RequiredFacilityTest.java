package io.mipgate.testsupport;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class RequiredFacilityTest {

    @Test
    void aMissingFacilityFailsUnderCi() {
        assertThatThrownBy(() -> RequiredFacility.require(false, "no pty", true))
                .isInstanceOf(AssertionFailedError.class).hasMessageContaining("CI=true but no pty");
    }

    @Test
    void aMissingFacilitySkipsOutsideCi() {
        assertThatThrownBy(() -> RequiredFacility.require(false, "no pty", false))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("no pty");
    }

    @Test
    void anAvailableFacilityLetsTheTestRunEverywhere() {
        assertThatCode(() -> RequiredFacility.require(true, "unused", true)).doesNotThrowAnyException();
        assertThatCode(() -> RequiredFacility.require(true, "unused", false)).doesNotThrowAnyException();
    }
}
