package io.mipgate.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mipgate.domain.InvalidParameterException;
import io.mipgate.domain.Protocol;
import io.mipgate.at.command.InlinePayload;
import io.mipgate.at.command.MipSend;
import io.mipgate.at.model.ModelFamily;
import io.mipgate.at.model.ModelProfile;
import io.mipgate.at.model.ModelProfiles;
import java.io.ByteArrayOutputStream;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** For every model and payload the plan carries exactly the payload, in commands the model accepts. */
class SendStrategyProperties {

    @Property(tries = 300)
    void tcpChunksConcatenateToThePayloadAndEachEncodes(@ForAll("families") ModelFamily family,
                                                        @ForAll("payloads") byte[] payload,
                                                        @ForAll @IntRange(min = 64, max = 8192) int promptChunk,
                                                        @ForAll @IntRange(min = 16, max = 1460) int hexChunk) {
        ModelProfile profile = ModelProfiles.of(family);
        List<SendStrategy.Chunk> plan = SendStrategy.plan(profile, Protocol.TCP, payload, false, promptChunk, hexChunk);
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (SendStrategy.Chunk chunk : plan) {
            joined.writeBytes(chunk.data());
            assertThat(chunk.data()).isNotEmpty();
            switch (chunk.path()) {
                case PROMPT -> {
                    assertThat(profile.send().promptMode()).isTrue();
                    assertThat(chunk.data().length).isLessThanOrEqualTo(Math.min(promptChunk, profile.send().promptMaxLength()));
                    assertThat(new MipSend.Prompt(0, chunk.data().length).encode(profile)).isNotEmpty();
                }
                case INLINE_ASCII -> {
                    assertThat(InlinePayload.canCarry(io.mipgate.domain.SendFormat.ASCII, chunk.data())).isTrue();
                    assertFitsTheCommandLine(profile, chunk);
                }
                case INLINE_HEX -> {
                    assertThat(chunk.data().length).isLessThanOrEqualTo(hexChunk);
                    assertFitsTheCommandLine(profile, chunk);
                }
                case EMPTY_DATAGRAM -> throw new AssertionError("no empty datagram on TCP");
            }
        }
        assertThat(joined.toByteArray()).isEqualTo(payload);
        if (profile.send().promptMode()) {
            assertThat(plan).allMatch(c -> c.path() == SendStrategy.Path.PROMPT);
        }
    }

    /** Every inline command fits the firmware's command line (FIELD-NOTES §7.1), on the widest connect_id. */
    private static void assertFitsTheCommandLine(ModelProfile profile, SendStrategy.Chunk chunk) {
        byte[] line = MipSend.Inline.of(profile.connectIds().max(), chunk.data(), chunk.inlineFormat()).encode(profile);
        assertThat(line.length - 1).isLessThanOrEqualTo(profile.quirks().commandLineChars());
    }

    @Property(tries = 300)
    void aUdpDatagramIsNeverSplitAndAlwaysFitsOneCommand(@ForAll("families") ModelFamily family,
                                                        @ForAll("datagrams") byte[] payload) {
        ModelProfile profile = ModelProfiles.of(family);
        boolean printable = InlinePayload.canCarry(io.mipgate.domain.SendFormat.ASCII, payload);
        int limit = profile.send().promptMode() ? profile.send().promptMaxLength()
                : profile.quirks().inlineMaxBytes(printable ? 1 : 2, 0);
        if (payload.length == 0 && !profile.send().udpEmptyPacket() || payload.length > limit) {
            assertThatThrownBy(() -> SendStrategy.plan(profile, Protocol.UDP, payload, false, 4096, 730))
                    .isInstanceOf(InvalidParameterException.class);
            return;
        }
        List<SendStrategy.Chunk> plan = SendStrategy.plan(profile, Protocol.UDP, payload, false, 4096, 730);
        assertThat(plan).singleElement().satisfies(chunk -> {
            assertThat(chunk.data()).isEqualTo(payload);
            if (chunk.path() == SendStrategy.Path.INLINE_ASCII || chunk.path() == SendStrategy.Path.INLINE_HEX) {
                assertFitsTheCommandLine(profile, chunk);
            }
        });
    }

    @Example
    void anNbIotBinaryDatagramOverTheCommandLineIsRefusedNotSentAsAnOverlongLine() {
        ModelProfile mn316 = ModelProfiles.of(ModelFamily.MN316);
        byte[] binary = new byte[1460];
        assertThatThrownBy(() -> SendStrategy.plan(mn316, Protocol.UDP, binary, false, 4096, 730))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("1479 characters");
        byte[] fits = new byte[mn316.quirks().inlineHexMaxBytes()];
        assertThat(SendStrategy.plan(mn316, Protocol.UDP, fits, false, 4096, 730)).singleElement()
                .satisfies(chunk -> assertFitsTheCommandLine(mn316, chunk));
    }

    @Provide
    Arbitrary<byte[]> datagrams() {
        Arbitrary<byte[]> text = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(1600)
                .map(s -> s.replace('"', '\'').getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        Arbitrary<byte[]> binary = Arbitraries.bytes().array(byte[].class).ofMaxSize(9000);
        return Arbitraries.oneOf(text, binary);
    }

    @Provide
    Arbitrary<ModelFamily> families() {
        return Arbitraries.of(ModelFamily.class);
    }

    /** Text-like, binary and mixed payloads, so both inline paths and their switches are exercised. */
    @Provide
    Arbitrary<byte[]> payloads() {
        Arbitrary<byte[]> text = Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(5000)
                .map(s -> s.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        Arbitrary<byte[]> binary = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(5000);
        return Arbitraries.oneOf(text, binary);
    }
}
