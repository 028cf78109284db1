package io.mipgate.at.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.mipgate.at.command.MdnsGip;
import io.mipgate.at.command.MipClose;
import io.mipgate.at.command.MipSend;
import io.mipgate.at.decode.ConnectionReport;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * ML302A and ML305A, the families the field drivers of the older output name (FIELD-NOTES §14), carry that dialect in
 * their profiles; the commands it changes budget for it and say which legacy lines end them.
 */
class TcpIpDialectTest {

    @Test
    void onlyMl302aAndMl305aPrintTheOlderDialect() {
        assertThat(Arrays.stream(ModelFamily.values())
                .filter(family -> ModelProfiles.of(family).dialect() == TcpIpDialect.ML30X_LEGACY))
                .containsExactlyInAnyOrder(ModelFamily.ML302A, ModelFamily.ML305A);
    }

    @Test
    void closeAndLookupWaitForTheirOutcomeWhereItEndsTheCommand() {
        ModelProfile legacy = ModelProfiles.of(ModelFamily.ML302A);
        ModelProfile manual = ModelProfiles.of(ModelFamily.ML307R);
        assertThat(MipClose.of(0).responseTimeout(manual)).isEqualTo(Duration.ofSeconds(5));
        assertThat(MipClose.of(0).responseTimeout(legacy))
                .isEqualTo(MipClose.of(0).asyncResult(legacy).orElseThrow().deadline());
        assertThat(MdnsGip.of("a.test").responseTimeout(manual)).isEqualTo(Duration.ofSeconds(5));
        assertThat(MdnsGip.of("a.test").responseTimeout(legacy))
                .isEqualTo(MdnsGip.of("a.test").asyncResult(legacy).orElseThrow().deadline());
        assertThat(MipClose.of(0).response().endingReports()).containsExactly(ConnectionReport.CLOSE_OK);
        assertThat(new MipSend.Prompt(0, 100).response().promptLength()).isEqualTo(100);
        assertThat(new MipSend.Prompt(0, 100).response().endingReports())
                .containsExactlyInAnyOrder(ConnectionReport.SEND_OK, ConnectionReport.SEND_FAIL);
    }
}
