package io.mipgate.at.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Feeds scripted module output to a fresh decoder the way STYLE §2 asks: whole, one byte at a time, and split at every
 * offset, and checks that all ways give the same events. A script is a list of steps; each step first lets the
 * "worker" act on the decoder (set an expectation, declare a connection, note {@code +++}) and then feeds what the
 * module sends next.
 */
final class DecoderHarness {

    record Step(Consumer<AtDecoder> action, byte[] bytes) {
    }

    private final List<Step> steps = new ArrayList<>();

    static DecoderHarness script() {
        return new DecoderHarness();
    }

    DecoderHarness act(Consumer<AtDecoder> action) {
        steps.add(new Step(action, new byte[0]));
        return this;
    }

    DecoderHarness expect(ResponseExpectation expectation) {
        return act(d -> d.expect(expectation));
    }

    DecoderHarness module(byte[] bytes) {
        steps.add(new Step(d -> { }, bytes));
        return this;
    }

    /** Module lines, each framed CR LF line CR LF as the module prints them. */
    DecoderHarness lines(String... lines) {
        return module(wire(lines));
    }

    static byte[] wire(String... lines) {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append("\r\n").append(line).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Feeds every step whole. */
    List<AtEvent> whole() {
        return run(-1, -1);
    }

    /** Runs whole, byte by byte and split at every offset of every step; asserts identical events; returns them. */
    List<AtEvent> decodesSameForAnySplit() {
        List<AtEvent> reference = whole();
        assertThat(run(-2, -1)).as("one byte at a time").isEqualTo(reference);
        for (int s = 0; s < steps.size(); s++) {
            for (int k = 1; k < steps.get(s).bytes().length; k++) {
                assertThat(run(s, k)).as("step %d split at %d", s, k).isEqualTo(reference);
            }
        }
        return reference;
    }

    /**
     * @param splitStep -1 whole, -2 byte by byte, else the step to split
     * @param at        offset of the split
     */
    private List<AtEvent> run(int splitStep, int at) {
        List<AtEvent> events = new ArrayList<>();
        AtDecoder decoder = new AtDecoder(events::add);
        for (int s = 0; s < steps.size(); s++) {
            Step step = steps.get(s);
            step.action().accept(decoder);
            byte[] bytes = step.bytes();
            if (splitStep == -2) {
                for (int i = 0; i < bytes.length; i++) {
                    decoder.feed(bytes, i, 1);
                }
            } else if (splitStep == s) {
                decoder.feed(bytes, 0, at);
                decoder.feed(bytes, at, bytes.length - at);
            } else {
                decoder.feed(bytes, 0, bytes.length);
            }
        }
        return normalise(events);
    }

    /** Transparent data is coalesced per fed chunk: merge neighbours so that splits compare equal. */
    static List<AtEvent> normalise(List<AtEvent> events) {
        List<AtEvent> out = new ArrayList<>();
        for (AtEvent event : events) {
            if (event instanceof AtEvent.TransparentData next && !out.isEmpty()
                    && out.get(out.size() - 1) instanceof AtEvent.TransparentData previous) {
                out.set(out.size() - 1, new AtEvent.TransparentData(concat(previous.data(), next.data())));
            } else {
                out.add(event);
            }
        }
        return out;
    }
}
