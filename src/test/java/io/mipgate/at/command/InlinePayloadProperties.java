package io.mipgate.at.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.mipgate.domain.SendFormat;
import io.mipgate.at.model.ModelFamily;
import io.mipgate.at.model.ModelProfiles;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** Every payload round-trips through each inline typing that can carry it, and never escapes its quotes. */
class InlinePayloadProperties {

    @Property
    void roundTripsThroughEveryFormatThatCanCarryIt(@ForAll @Size(max = 1460) byte[] payload) {
        for (SendFormat format : SendFormat.values()) {
            if (!InlinePayload.canCarry(format, payload)) {
                assertThat(format).isEqualTo(SendFormat.ASCII);
                continue;
            }
            String typed = InlinePayload.encode(format, payload);
            assertThat(InlinePayload.decode(format, typed)).isEqualTo(payload);
            assertThat(typed).doesNotContain("\"", "\r", "\n").matches("[\\x20-\\x7E]*");
        }
    }

    @Property
    void hexLengthFieldCountsBytesWhileTheTextIsTwiceAsLong(@ForAll @Size(min = 1, max = 1460) byte[] payload) {
        String line = new String(MipSend.Inline.of(3, payload, SendFormat.HEX).encode(ModelProfiles.of(ModelFamily.ML307R)),
                StandardCharsets.ISO_8859_1);
        String expectedHead = "AT+MIPSEND=3," + payload.length + ",\"";
        assertThat(line).startsWith(expectedHead).endsWith("\"\r");
        assertThat(line.length() - expectedHead.length() - 2).isEqualTo(2 * payload.length);
    }
}
