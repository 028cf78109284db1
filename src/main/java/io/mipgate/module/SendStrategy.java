package io.mipgate.module;

import io.mipgate.at.command.InlinePayload;
import io.mipgate.at.model.FieldQuirks;
import io.mipgate.at.model.ModelProfile;
import io.mipgate.domain.InvalidParameterException;
import io.mipgate.domain.Protocol;
import io.mipgate.domain.SendFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Picks the fastest correct way to put a payload on the line for a model: the {@code >} data mode with an exact
 * length where the model has it (raw bytes, no expansion); inline ASCII where the bytes allow; inline HEX otherwise.
 * Every inline command fits the firmware's command line ({@link FieldQuirks#commandLineChars()}, FIELD-NOTES §7.1).
 * TCP payloads are split into chunks the module accepts; a UDP payload is one datagram and is never split: a datagram
 * that cannot fit one command is refused, because splitting it would change what the peer receives.
 */
public final class SendStrategy {

    /** Characters {@code ,<rai>,<seq>} may add after inline data. */
    private static final int RAI_SEQ_CHARS = 6;

    /** How one chunk goes out. */
    public enum Path { PROMPT, INLINE_ASCII, INLINE_HEX, EMPTY_DATAGRAM }

    /** One AT+MIPSEND: its bytes and the path that carries them. */
    public record Chunk(byte[] data, Path path) {
        public SendFormat inlineFormat() {
            return path == Path.INLINE_HEX ? SendFormat.HEX : SendFormat.ASCII;
        }
    }

    private SendStrategy() {
    }

    /**
     * @param inlineOnly      force inline sends (RAI/seq can be given only there)
     * @param promptChunk     largest {@code >} send to use (capped by the model)
     * @param inlineHexChunk  largest inline HEX send to use (capped by the command line)
     */
    public static List<Chunk> plan(ModelProfile profile, Protocol protocol, byte[] payload, boolean inlineOnly,
                                   int promptChunk, int inlineHexChunk) {
        if (payload.length == 0) {
            if (protocol == Protocol.UDP && profile.send().udpEmptyPacket()) {
                return List.of(new Chunk(payload, Path.EMPTY_DATAGRAM));
            }
            throw new InvalidParameterException("data", "empty",
                    protocol == Protocol.UDP ? "at least 1 byte (" + profile.name() + " cannot send an empty datagram)"
                            : "at least 1 byte", profile.name());
        }
        boolean prompt = profile.send().promptMode() && !inlineOnly;
        int trailing = inlineOnly ? RAI_SEQ_CHARS : 0;
        int asciiMax = profile.quirks().inlineMaxBytes(1, trailing);
        int hexMax = Math.min(inlineHexChunk, profile.quirks().inlineMaxBytes(2, trailing));
        if (protocol == Protocol.UDP) {
            return List.of(prompt ? promptDatagram(profile, payload) : inlineDatagram(profile, payload, asciiMax, hexMax));
        }
        int promptMax = Math.min(promptChunk, profile.send().promptMaxLength());
        List<Chunk> chunks = new ArrayList<>();
        int offset = 0;
        while (offset < payload.length) {
            int remaining = payload.length - offset;
            if (prompt) {
                int n = Math.min(remaining, promptMax);
                chunks.add(new Chunk(Arrays.copyOfRange(payload, offset, offset + n), Path.PROMPT));
                offset += n;
                continue;
            }
            byte[] asciiCandidate = Arrays.copyOfRange(payload, offset, offset + Math.min(remaining, asciiMax));
            int carriable = asciiPrefix(asciiCandidate);
            if (carriable == asciiCandidate.length || carriable >= hexMax) {
                chunks.add(new Chunk(Arrays.copyOf(asciiCandidate, carriable), Path.INLINE_ASCII));
                offset += carriable;
            } else {
                int n = Math.min(remaining, hexMax);
                chunks.add(new Chunk(Arrays.copyOfRange(payload, offset, offset + n), Path.INLINE_HEX));
                offset += n;
            }
        }
        return chunks;
    }

    private static Chunk promptDatagram(ModelProfile profile, byte[] payload) {
        int limit = profile.send().promptMaxLength();
        if (payload.length > limit) {
            throw new InvalidParameterException("data", payload.length + " bytes",
                    "a UDP datagram of at most " + limit + " bytes", profile.name());
        }
        return new Chunk(payload, Path.PROMPT);
    }

    private static Chunk inlineDatagram(ModelProfile profile, byte[] payload, int asciiMax, int hexMax) {
        if (InlinePayload.canCarry(SendFormat.ASCII, payload) && payload.length <= asciiMax) {
            return new Chunk(payload, Path.INLINE_ASCII);
        }
        if (payload.length <= hexMax) {
            return new Chunk(payload, Path.INLINE_HEX);
        }
        throw new InvalidParameterException("data", payload.length + " bytes",
                "a UDP datagram of at most " + hexMax + " bytes of binary or " + asciiMax + " printable characters: "
                        + profile.name() + " has no > mode and its command line holds "
                        + profile.quirks().commandLineChars() + " characters", profile.name());
    }

    /** How many leading bytes inline ASCII can carry. */
    private static int asciiPrefix(byte[] data) {
        for (int i = 0; i < data.length; i++) {
            int b = data[i] & 0xFF;
            if (b < 0x20 || b > 0x7E || b == '"') {
                return i;
            }
        }
        return data.length;
    }
}
