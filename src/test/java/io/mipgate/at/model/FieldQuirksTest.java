package io.mipgate.at.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mipgate.at.command.MipSend;
import io.mipgate.domain.InvalidParameterException;
import io.mipgate.domain.SendFormat;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The FIELD-NOTES behaviours each family's profile carries for the driver. */
class FieldQuirksTest {

    @ParameterizedTest
    @EnumSource(ModelFamily.class)
    void theLargestInlineHexSendFillsTheCommandLineAndOneByteMoreOverflowsIt(ModelFamily family) {
        ModelProfile profile = ModelProfiles.of(family);
        FieldQuirks quirks = profile.quirks();
        int max = quirks.inlineHexMaxBytes();
        int lastId = profile.connectIds().max();

        assertThat(inlineHexLineChars(profile, lastId, max)).isLessThanOrEqualTo(quirks.commandLineChars());
        if (max < ModelProfile.INLINE_SEND_LENGTH.max()) {
            assertThat(inlineHexLineChars(profile, lastId, max + 1)).isGreaterThan(quirks.commandLineChars());
        } else {
            assertThatThrownBy(() -> MipSend.Inline.of(lastId, new byte[max + 1], SendFormat.HEX).encode(profile))
                    .isInstanceOf(InvalidParameterException.class);
        }
    }

    @Test
    void ml307ReleaseFirmwareCarries730BytesOfInlineHex() {
        // FIELD-NOTES §7.1: esp-ml307 chunks inline HEX at 730 bytes, 1460 characters.
        assertThat(ModelProfiles.of(ModelFamily.ML307R).quirks().inlineHexMaxBytes()).isEqualTo(730);
        assertThat(ModelProfiles.of(ModelFamily.ML307A).quirks().inlineHexMaxBytes()).isEqualTo(730);
    }

    @Test
    void theHelperFollowsTheLengthFieldsOwnDigits() {
        assertThat(withLine(2048).inlineHexMaxBytes()).as("ML307N/MN327-class 2048 lines").isEqualTo(1014);
        assertThat(withLine(16 + 2 + 2 * 99).inlineHexMaxBytes()).isEqualTo(99);
        assertThat(withLine(16 + 2 + 2 * 99 + 2).inlineHexMaxBytes()).as("100 needs a third digit").isEqualTo(99);
        assertThat(withLine(10_000).inlineHexMaxBytes()).as("never above the manual's 1460").isEqualTo(1460);
    }

    @ParameterizedTest
    @EnumSource(ModelFamily.class)
    void errorCodesTheDriverActsOnAreTheSameOnEveryFamily(ModelFamily family) {
        FieldQuirks quirks = ModelProfiles.of(family).quirks();
        assertThat(quirks.sendRefusedMeansGone()).as("§3, §7.3").containsExactlyInAnyOrder(550, 553);
        assertThat(quirks.firstDnsRetryCodes()).as("§3, §10").containsExactlyInAnyOrder(580, 581);
        assertThat(quirks.firstDnsRetries()).as("§10").isEqualTo(5);
        assertThat(quirks.closeMeansAlreadyClosed()).as("§8.4").containsExactly(551);
    }

    @ParameterizedTest
    @EnumSource(ModelFamily.class)
    void nbFirmwarePrintsNoBlankAfterTheColonAndHasNoPromptToWaitFor(ModelFamily family) {
        ModelProfile profile = ModelProfiles.of(family);
        assertThat(profile.quirks().noBlankAfterColon()).as("§4, §15").isEqualTo(family.isNb());
        if (profile.send().promptMode()) {
            assertThat(profile.quirks().promptWait()).as("<send_timeout> default, §7.2").isEqualTo(Duration.ofSeconds(10));
        } else {
            assertThat(profile.quirks().promptWait()).isZero();
        }
    }

    private static int inlineHexLineChars(ModelProfile profile, int connectId, int bytes) {
        byte[] line = MipSend.Inline.of(connectId, new byte[bytes], SendFormat.HEX).encode(profile);
        return line.length - 1; // the CR terminates the line, it is not part of it
    }

    private static FieldQuirks withLine(int chars) {
        return new FieldQuirks(chars, Set.of(), Set.of(), 0, Set.of(), false, Duration.ZERO);
    }
}
