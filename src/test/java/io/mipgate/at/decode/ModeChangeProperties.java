package io.mipgate.at.decode;

import static io.mipgate.at.decode.DecoderHarness.ascii;
import static org.assertj.core.api.Assertions.assertThat;

import io.mipgate.domain.AccessMode;
import io.mipgate.domain.RecvFormat;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * One connection's data crossing access-mode and encoding changes: raw or HEX pushes in normal mode, buffer notices
 * in every field shape (FIELD-NOTES §4, §8.2), {@code +MIPRD:} reads in one or several lines (quoted or not), the
 * auto-flush of AT+MIPMODE=<id>,0 before or after its {@code OK}, and a transparent round trip ended by {@code +++}.
 * As the worker does, each change is applied to the decoder from the final-result callback of the command that made
 * it, so the bytes right after that {@code OK} are already decoded the new way. The session is fed whole, one byte at
 * a time and split at random offsets; every way must give the same events, every payload byte exactly once and in
 * order, every notice, and nothing discarded.
 */
class ModeChangeProperties {

    enum NoticeShape { WITH_TOTAL, WITHOUT_TOTAL, NO_LINE_END, RUN_INTO_NEXT_URC }

    sealed interface Action {
    }

    /** Data reaches the module: pushed in normal mode, announced by a notice in buffer mode. */
    record Arrive(byte[] data, NoticeShape shape) implements Action {
    }

    /** AT+MIPRD=<id>,<maxBytes> (0 = all), answered in up to {@code lines} lines. */
    record Read(int maxBytes, int lines, boolean quoted) implements Action {
    }

    /** AT+MIPMODE between normal and stream buffer; {@code meanwhile} arrives before the OK. */
    record SwitchMode(byte[] meanwhile, boolean flushAfterOk) implements Action {
    }

    /** AT+MIPCFG="encoding",<id>,1,<format>; {@code meanwhile} arrives before the OK, in the old form. */
    record SetEncoding(RecvFormat format, byte[] meanwhile) implements Action {
    }

    /** AT+MIPMODE=<id>,1, CONNECT, raw peer bytes, then {@code +++} and OK. */
    record Transparent(byte[] peerData) implements Action {
    }

    @Provide
    Arbitrary<List<Action>> sessions() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(40);
        Arbitrary<byte[]> tricky = Arbitraries.of("\r\nOK\r\n", "+MIPURC: \"rtcp\",0,5,", "\"", "\"x\"", "\r\n+MIPRD: 0,1,1,",
                ",", "\r", "+", ">").map(DecoderHarness::ascii);
        Arbitrary<byte[]> data = Arbitraries.frequencyOf(Tuple.of(4, random), Tuple.of(1, tricky));
        Arbitrary<byte[]> meanwhile = Arbitraries.oneOf(data, Arbitraries.just(new byte[0]));
        Arbitrary<Action> arrive = Combinators.combine(data, Arbitraries.of(NoticeShape.class)).as(Arrive::new);
        Arbitrary<Action> read = Combinators.combine(Arbitraries.integers().between(0, 60),
                Arbitraries.integers().between(1, 3), Arbitraries.of(true, false)).as(Read::new);
        Arbitrary<Action> switchMode = Combinators.combine(meanwhile, Arbitraries.of(true, false)).as(SwitchMode::new);
        Arbitrary<Action> encoding = Combinators.combine(Arbitraries.of(RecvFormat.class), meanwhile).as(SetEncoding::new);
        Arbitrary<Action> transparent = data.map(Transparent::new);
        return Arbitraries.frequencyOf(Tuple.of(5, arrive), Tuple.of(3, read), Tuple.of(2, switchMode),
                Tuple.of(2, encoding), Tuple.of(1, transparent)).list().ofMaxSize(30);
    }

    @Property(tries = 300)
    void data_survives_mode_and_encoding_changes_for_any_split(
            @ForAll("sessions") List<Action> actions,
            @ForAll @IntRange(min = 0, max = 5) int connectId,
            @ForAll RecvFormat initialFormat,
            @ForAll boolean blankAfterColon,
            @ForAll @Size(max = 25) List<@IntRange(min = 0, max = 4000) Integer> cuts) {
        Session session = new Session(connectId, initialFormat, blankAfterColon);
        actions.forEach(session::play);
        session.finish();

        List<AtEvent> whole = session.feed(Feed.WHOLE, List.of());
        assertThat(whole).as("nothing discarded").noneMatch(AtEvent.Discarded.class::isInstance);
        assertThat(payload(whole)).as("payload bytes").isEqualTo(session.expectedData.toByteArray());
        assertThat(notices(whole)).as("buffer notices").isEqualTo(session.expectedNotices);
        assertThat(session.feed(Feed.BYTE_BY_BYTE, List.of())).as("one byte at a time").isEqualTo(whole);
        assertThat(session.feed(Feed.CUTS, cuts)).as("split at %s", cuts).isEqualTo(whole);
    }

    private static byte[] payload(List<AtEvent> events) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (AtEvent event : events) {
            switch (event) {
                case Urc.DataReceived received -> out.writeBytes(received.data());
                case Information.MipRdDataLine read -> out.writeBytes(read.data());
                case AtEvent.TransparentData raw -> out.writeBytes(raw.data());
                default -> { }
            }
        }
        return out.toByteArray();
    }

    private static List<AtEvent> notices(List<AtEvent> events) {
        return events.stream().filter(e -> e instanceof Urc.StreamBuffered || e instanceof Urc.AckReport).toList();
    }

    // ---- the module side: what it prints for each action --------------------------------------------------------

    /** A command the worker writes once the previous one has its final result. */
    record Command(ResponseExpectation expectation, Consumer<AtDecoder> onWrite, Consumer<AtDecoder> onOk) {
    }

    /** Bytes fed without the worker acting in between, and the commands it submits when they begin. */
    record Phase(Consumer<Worker> start, ByteArrayOutputStream bytes, List<Command> commands) {
    }

    enum Feed { WHOLE, BYTE_BY_BYTE, CUTS }

    static final class Session {

        private final int id;
        private final String colon;
        private final List<Phase> phases = new ArrayList<>();
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        final ByteArrayOutputStream expectedData = new ByteArrayOutputStream();
        final List<AtEvent> expectedNotices = new ArrayList<>();
        private final RecvFormat initialFormat;
        private AccessMode mode = AccessMode.NORMAL;
        private RecvFormat format;
        private int buffered;

        Session(int id, RecvFormat initialFormat, boolean blankAfterColon) {
            this.id = id;
            this.initialFormat = initialFormat;
            this.format = initialFormat;
            this.colon = blankAfterColon ? ": " : ":"; // NB firmware prints no blank (FIELD-NOTES §4, §15)
            phases.add(new Phase(w -> w.decoder.connection(id, AccessMode.NORMAL, initialFormat),
                    new ByteArrayOutputStream(), new ArrayList<>()));
        }

        void play(Action action) {
            switch (action) {
                case Arrive arrive -> arrive(arrive.data(), arrive.shape());
                case Read read -> read(read);
                case SwitchMode change -> switchMode(change);
                case SetEncoding change -> setEncoding(change);
                case Transparent round -> transparent(round.peerData());
            }
        }

        /** A last command, so that a notice left without its line end is ended by the OK's CR LF. */
        void finish() {
            command("AT", d -> { });
            print("\r\nOK\r\n");
        }

        private void arrive(byte[] data, NoticeShape shape) {
            if (mode == AccessMode.NORMAL) {
                print("\r\n+MIPURC" + colon + "\"rtcp\"," + id + "," + data.length + ",");
                print(encoded(data));
                print("\r\n");
                expectedData.writeBytes(data);
                return;
            }
            pending.writeBytes(data);
            buffered += data.length;
            String head = "\r\n+MIPURC" + colon + "\"rtcp\"," + id + "," + data.length;
            switch (shape) {
                case WITH_TOTAL -> print(head + "," + buffered + "\r\n");
                case WITHOUT_TOTAL -> print(head + "\r\n");
                case NO_LINE_END -> print(head + "," + buffered);
                case RUN_INTO_NEXT_URC -> print(head + "+MIPURC" + colon + "\"ack\"," + id + ",1\r\n");
            }
            expectedNotices.add(shape == NoticeShape.WITHOUT_TOTAL || shape == NoticeShape.RUN_INTO_NEXT_URC
                    ? Urc.StreamBuffered.withoutTotal(id, data.length)
                    : new Urc.StreamBuffered(id, data.length, buffered));
            if (shape == NoticeShape.RUN_INTO_NEXT_URC) {
                expectedNotices.add(new Urc.AckReport(id, 1));
            }
        }

        private void read(Read read) {
            if (mode != AccessMode.STREAM_BUFFER) {
                return;
            }
            command("AT+MIPRD=" + id + "," + read.maxBytes(), d -> { }, "+MIPRD");
            int take = read.maxBytes() == 0 ? pending.size() : Math.min(read.maxBytes(), pending.size());
            readLines(take, read.lines(), read.quoted());
            print("\r\nOK\r\n");
        }

        /** {@code take} buffered bytes as {@code +MIPRD:} lines whose unread count falls (FIELD-NOTES §8.2). */
        private void readLines(int take, int lines, boolean quoted) {
            byte[] all = pending.toByteArray();
            byte[] taken = Arrays.copyOf(all, take);
            pending.reset();
            pending.write(all, take, all.length - take);
            buffered = pending.size();
            int from = 0;
            for (int line = 0; line < lines && from < take; line++) {
                int to = line == lines - 1 ? take : Math.min(take, from + Math.max(1, take / lines));
                byte[] chunk = Arrays.copyOfRange(taken, from, to);
                int unread = take - to + pending.size();
                print("\r\n+MIPRD" + colon + id + "," + unread + "," + chunk.length + ",");
                print(quoted ? concat(ascii("\""), encoded(chunk), ascii("\"")) : encoded(chunk));
                print("\r\n\r\n");
                from = to;
            }
            expectedData.writeBytes(taken);
        }

        private void switchMode(SwitchMode change) {
            AccessMode target = mode == AccessMode.NORMAL ? AccessMode.STREAM_BUFFER : AccessMode.NORMAL;
            RecvFormat kept = format;
            command("AT+MIPMODE=" + id + "," + target.code(), d -> d.connection(id, target, kept), "+MIPRD");
            if (change.meanwhile().length > 0) {
                arrive(change.meanwhile(), NoticeShape.WITH_TOTAL);
            }
            if (target == AccessMode.STREAM_BUFFER) {
                print("\r\nOK\r\n");
            } else if (change.flushAfterOk()) {
                print("\r\nOK\r\n");
                readLines(pending.size(), 2, false);
            } else {
                readLines(pending.size(), 2, false);
                print("\r\nOK\r\n");
            }
            mode = target;
            buffered = 0;
        }

        private void setEncoding(SetEncoding change) {
            AccessMode kept = mode;
            command("AT+MIPCFG=\"encoding\"," + id + ",1," + change.format().code(),
                    d -> d.connection(id, kept, change.format()), "+MIPCFG");
            if (change.meanwhile().length > 0) {
                arrive(change.meanwhile(), NoticeShape.WITH_TOTAL);
            }
            print("\r\nOK\r\n");
            format = change.format();
        }

        private void transparent(byte[] peerData) {
            if (mode != AccessMode.NORMAL) {
                return;
            }
            RecvFormat kept = format;
            command("AT+MIPMODE=" + id + ",1", d -> d.connection(id, AccessMode.TRANSPARENT, kept));
            print("\r\nOK\r\n\r\nCONNECT\r\n");
            print(peerData);
            expectedData.writeBytes(peerData);
            // The worker writes +++ only after a guard time of silence: the module's output so far has all arrived.
            phases.add(new Phase(w -> { }, new ByteArrayOutputStream(), new ArrayList<>()));
            currentPhase().commands().add(new Command(ResponseExpectation.of("+++"), AtDecoder::escapeSent,
                    d -> d.connection(id, AccessMode.NORMAL, kept)));
            print("\r\nOK\r\n");
        }

        private byte[] encoded(byte[] data) {
            return format == RecvFormat.HEX ? ascii(HexFormat.of().withUpperCase().formatHex(data)) : data;
        }

        private void command(String line, Consumer<AtDecoder> onOk, String... prefixes) {
            currentPhase().commands().add(new Command(ResponseExpectation.of(line, prefixes), d -> { }, onOk));
        }

        private void print(String text) {
            print(ascii(text));
        }

        private void print(byte[] bytes) {
            currentPhase().bytes().writeBytes(bytes);
        }

        private Phase currentPhase() {
            return phases.get(phases.size() - 1);
        }

        List<AtEvent> feed(Feed how, List<Integer> cuts) {
            Worker worker = new Worker();
            AtDecoder decoder = new AtDecoder(worker);
            worker.decoder = decoder;
            for (Phase phase : phases) {
                phase.start().accept(worker);
                phase.commands().forEach(worker::submit);
                byte[] bytes = phase.bytes().toByteArray();
                for (int[] chunk : chunks(bytes.length, how, cuts)) {
                    decoder.feed(Arrays.copyOfRange(bytes, chunk[0], chunk[1]), 0, chunk[1] - chunk[0]);
                }
            }
            assertThat(worker.inFlight).as("every command got its final result").isNull();
            return DecoderHarness.normalise(worker.events);
        }

        private static List<int[]> chunks(int length, Feed how, List<Integer> cuts) {
            TreeSet<Integer> points = new TreeSet<>();
            switch (how) {
                case WHOLE -> { }
                case BYTE_BY_BYTE -> {
                    for (int i = 1; i < length; i++) {
                        points.add(i);
                    }
                }
                case CUTS -> cuts.forEach(cut -> points.add(Math.min(cut, length)));
            }
            points.add(length);
            List<int[]> chunks = new ArrayList<>();
            int from = 0;
            for (int to : points) {
                if (to > from) {
                    chunks.add(new int[] {from, to});
                }
                from = to;
            }
            return chunks;
        }
    }

    /** The worker's part: one command in flight, the next written on the final result, changes applied on OK. */
    static final class Worker implements AtEventSink {

        final List<AtEvent> events = new ArrayList<>();
        private final Deque<Command> queue = new ArrayDeque<>();
        AtDecoder decoder;
        Command inFlight;

        void submit(Command command) {
            queue.add(command);
            if (inFlight == null) {
                writeNext();
            }
        }

        private void writeNext() {
            inFlight = queue.poll();
            if (inFlight != null) {
                decoder.expect(inFlight.expectation());
                inFlight.onWrite().accept(decoder);
            }
        }

        @Override
        public void onEvent(AtEvent event) {
            events.add(event);
            if (event instanceof FinalResult result && inFlight != null) {
                if (result instanceof FinalResult.Ok) {
                    inFlight.onOk().accept(decoder);
                }
                writeNext();
            }
        }
    }

    private static byte[] concat(byte[]... parts) {
        return DecoderHarness.concat(parts);
    }
}
