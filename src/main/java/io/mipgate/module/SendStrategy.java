package io.mipgate.module;

import io.mipgate.domain.InvalidParameterException;
import io.mipgate.domain.Protocol;
import io.mipgate.domain.SendFormat;
import io.mipgate.at.command.InlinePayload;
import io.mipgate.at.model.ModelProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Picks the fastest correct way to put a payload on the line for a model: the {@code >} data mode with an exact
 * length where the model has it (raw bytes, no expansion); inline ASCII where the bytes allow; inline HEX otherwise.
 * TCP payloads are split into chunks the module accepts; a UDP payload is one datagram and is never split.
 */
public final class SendStrategy {

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
     * @param inlineHexChunk  largest inline HEX send to use
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
        int promptMax = Math.min(promptChunk, profile.send().promptMaxLength());
        int inlineMax = ModelProfile.INLINE_SEND_LENGTH.max();
        if (protocol == Protocol.UDP) {
            int limit = prompt ? profile.send().promptMaxLength() : inlineMax;
            if (payload.length > limit) {
                throw new InvalidParameterException("data", payload.length + " bytes",
                        "a UDP datagram of at most " + limit + " bytes", profile.name());
            }
            return List.of(prompt ? new Chunk(payload, Path.PROMPT) : inlineChunk(payload));
        }
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
            byte[] asciiCandidate = Arrays.copyOfRange(payload, offset, offset + Math.min(remaining, inlineMax));
            int carriable = asciiPrefix(asciiCandidate);
            if (carriable == asciiCandidate.length || carriable >= inlineHexChunk) {
                chunks.add(new Chunk(Arrays.copyOf(asciiCandidate, carriable), Path.INLINE_ASCII));
                offset += carriable;
            } else {
                int n = Math.min(remaining, inlineHexChunk);
                chunks.add(new Chunk(Arrays.copyOfRange(payload, offset, offset + n), Path.INLINE_HEX));
                offset += n;
            }
        }
        return chunks;
    }

    private static Chunk inlineChunk(byte[] payload) {
        return InlinePayload.canCarry(SendFormat.ASCII, payload)
                ? new Chunk(payload, Path.INLINE_ASCII)
                : new Chunk(payload, Path.INLINE_HEX);
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
