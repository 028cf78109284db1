package io.mipgate.at.decode;

import static io.mipgate.at.decode.DecoderHarness.ascii;
import static io.mipgate.at.decode.DecoderHarness.concat;
import static org.assertj.core.api.Assertions.assertThat;

import io.mipgate.domain.AccessMode;
import io.mipgate.domain.Protocol;
import io.mipgate.domain.RecvFormat;
import java.util.ArrayList;
import java.util.Arrays;
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
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties of the decoder: binary round trip, split invariance, robustness against garbage. */
class DecoderProperties {

    // ---- (a) every payload round-trips through the raw and HEX paths of +MIPURC and +MIPRD ----------------------

    @Property(tries = 500)
    void payloads_round_trip_through_every_receive_path(@ForAll @Size(max = 1460) byte[] data,
                                                        @ForAll boolean upperCase,
                                                        @ForAll @IntRange(min = 0, max = 5) int id) {
        String hex = upperCase ? HexFormat.of().withUpperCase().formatHex(data) : HexFormat.of().formatHex(data);
        String len = Integer.toString(data.length);

        byte[] urcRaw = concat(ascii("\r\n+MIPURC: \"rtcp\"," + id + "," + len + ","), data, ascii("\r\n"));
        assertThat(decode(urcRaw, d -> { })).containsExactly(new Urc.DataReceived(id, Protocol.TCP, data));

        byte[] urcHex = ascii("\r\n+MIPURC: \"rudp\"," + id + "," + len + "," + hex + "\r\n");
        assertThat(decode(urcHex, d -> d.connection(id, AccessMode.NORMAL, RecvFormat.HEX)))
                .containsExactly(new Urc.DataReceived(id, Protocol.UDP, data));

        byte[] rdRaw = concat(ascii("\r\n+MIPRD: " + id + ",7," + len + ","), data, ascii("\r\n\r\nOK\r\n"));
        assertThat(decode(rdRaw, d -> d.connection(id, AccessMode.STREAM_BUFFER, RecvFormat.ASCII)))
                .containsExactly(new Information.MipRdDataLine(id, 7, data), new FinalResult.Ok());

        byte[] rdHex = ascii("\r\n+MIPRD: " + id + ",0," + len + "," + hex + "\r\n\r\nOK\r\n");
        assertThat(decode(rdHex, d -> d.connection(id, AccessMode.PACKET_BUFFER, RecvFormat.HEX)))
                .containsExactly(new Information.MipRdDataLine(id, 0, data), new FinalResult.Ok());

        // the legacy ML302 / ML305 push (FIELD-NOTES §14): raw after the header's line end, whatever the format
        byte[] recv = concat(ascii("\r\n+MIPURC: \"recv\"," + id + "," + len + "\r\n"), data);
        assertThat(decode(recv, d -> d.connection(id, Protocol.UDP, AccessMode.NORMAL, RecvFormat.HEX)))
                .containsExactly(new Urc.DataReceived(id, Protocol.UDP, data));
    }

    @Property(tries = 300)
    void payloads_round_trip_when_fed_in_random_chunks(@ForAll @Size(max = 1460) byte[] data,
                                                       @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 1600) Integer> cuts) {
        byte[] bytes = concat(ascii("\r\n+MIPURC: \"rtcp\",1," + data.length + ","), data, ascii("\r\n"));
        assertThat(decodeInChunks(bytes, cuts, d -> { })).containsExactly(new Urc.DataReceived(1, Protocol.TCP, data));
    }

    @Property(tries = 300)
    void legacy_recv_payloads_round_trip_when_fed_in_random_chunks(
            @ForAll @Size(max = 1460) byte[] data, @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 1600) Integer> cuts) {
        byte[] bytes = concat(ascii("\r\n+MIPURC: \"recv\",1," + data.length + "\r\n"), data,
                ascii("\r\n1,CLOSED\r\n"));
        assertThat(decodeInChunks(bytes, cuts, d -> { })).containsExactly(new Urc.DataReceived(1, Protocol.TCP, data),
                new Urc.Disconnected(1, 1));
    }

    // ---- (b) a recorded multi-URC stream split anywhere decodes to the same events ------------------------------

    static final byte[] RECORDED = recordedStream();

    static byte[] recordedStream() {
        byte[] binary = new byte[300];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 7);
        }
        return concat(
                ascii("\r\n+MIPOPEN: 0,0\r\n\r\n+MIPOPEN: 1,0\r\n"),
                ascii("\r\n+MIPURC: \"rtcp\",0,300,"), binary, ascii("\r\n"),
                ascii("\r\n+MIPURC: \"rudp\",1,4,0D0A2C22\r\n"),
                ascii("\r\n+MIPURC: \"rtcp\",2,10,10\r\n\r\n+MIPURC: \"rtcp\",2,10,20\r\n"),
                ascii("\r\n+MIPURC: \"ack\",0,300\r\n\r\n+MIPURC: \"rudp\",3,2\r\n"),
                ascii("\r\n+MIPURC: \"rtcp\",0,6,OK\r\n\r\n\r\n"),
                ascii("\r\n+MATREADY\r\n\u00e0\r\n+CEREG: 1\r\n\r\n+MIPURC: \"disconn\",0,1\r\n"),
                ascii("\r\n+MIPCLOSE: 1\r\n\r\nOK\r\n"));
    }

    /** The older ML302 / ML305 dialect (FIELD-NOTES §14): open, prompted send, pushes, DNS, peer close, close. */
    static final byte[] RECORDED_LEGACY = recordedLegacyStream();

    static byte[] recordedLegacyStream() {
        byte[] binary = new byte[512];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 13);
        }
        return concat(
                ascii("\r\nOK\r\n\r\n0,CONNECT OK\r\n"),
                ascii("\r\n+MIPURC: \"recv\",0,512\r\n"), binary,
                ascii("\r\n>\r\n+MIPURC: \"recv\",0,512\r\n"), binary, ascii("\r\n0,SEND OK\r\n"),
                ascii("\r\n+MIPURC: \"recv\",0,11\r\n0,SEND OK\r\n"),
                ascii("\r\n+MDNSGIP: 0,\"echo.test\",\"127.0.0.1\"\r\n\r\nOK\r\n"),
                ascii("\r\n+MIPURC: \"STATE\",0,1\r\n\r\n0,CLOSED\r\n"),
                ascii("\r\n1,CLOSE OK\r\n"));
    }

    /** The worker's side of the legacy stream: what it expects as each command goes out. */
    static List<AtEvent> decodeLegacy(List<Integer> cuts) {
        List<AtEvent> events = new ArrayList<>();
        AtDecoder decoder = new AtDecoder(events::add);
        int sendStart = indexOf(RECORDED_LEGACY, ascii("\r\n>"));
        int dnsStart = indexOf(RECORDED_LEGACY, ascii("\r\n+MDNSGIP"));
        int closeStart = indexOf(RECORDED_LEGACY, ascii("\r\n1,CLOSE OK"));
        TreeSet<Integer> points = new TreeSet<>(List.of(0, sendStart, dnsStart, closeStart, RECORDED_LEGACY.length));
        for (int cut : cuts) {
            points.add(Math.min(cut, RECORDED_LEGACY.length));
        }
        int from = 0;
        for (int to : points) {
            if (from == 0) {
                decoder.expect(ResponseExpectation.of("AT+MIPOPEN"));
            }
            if (from == sendStart) {
                decoder.expect(ResponseExpectation.prompt("AT+MIPSEND", 512));
            } else if (from == dnsStart) {
                decoder.expect(ResponseExpectation.of("AT+MDNSGIP"));
            } else if (from == closeStart) {
                decoder.expect(new ResponseExpectation("AT+MIPCLOSE", java.util.Set.of(), false, false,
                        java.util.Set.of(ConnectionReport.CLOSE_OK), 0));
            }
            decoder.feed(Arrays.copyOfRange(RECORDED_LEGACY, from, to), 0, to - from);
            from = to;
        }
        return events;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }

    @Property(tries = 500)
    void a_recorded_legacy_stream_split_anywhere_decodes_the_same(
            @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 1300) Integer> cuts) {
        List<AtEvent> whole = decodeLegacy(List.of());
        byte[] binary = Arrays.copyOfRange(RECORDED_LEGACY, indexOf(RECORDED_LEGACY, ascii(",512\r\n")) + 6,
                indexOf(RECORDED_LEGACY, ascii(",512\r\n")) + 6 + 512);
        assertThat(whole).containsExactly(
                new FinalResult.Ok(), new Urc.MipOpenResult(0, 0),
                new Urc.DataReceived(0, Protocol.TCP, binary),
                new AtEvent.Prompt(), new Urc.DataReceived(0, Protocol.TCP, binary), new Information.MipSendLine(0, 512),
                new FinalResult.Ok(),
                new Urc.DataReceived(0, Protocol.TCP, ascii("0,SEND OK\r\n")),
                new Urc.DnsResult("echo.test", List.of("127.0.0.1")), new FinalResult.Ok(),
                new Urc.Disconnected(0, 1), new Urc.Disconnected(0, 1),
                new Urc.MipCloseResult(1, java.util.OptionalInt.empty()), new FinalResult.Ok());
        assertThat(decodeLegacy(cuts)).isEqualTo(whole);
    }

    static void recordedConnections(AtDecoder decoder) {
        decoder.connection(1, AccessMode.NORMAL, RecvFormat.HEX);
        decoder.connection(2, AccessMode.STREAM_BUFFER, RecvFormat.ASCII);
        decoder.connection(3, AccessMode.PACKET_BUFFER, RecvFormat.HEX);
    }

    @Property(tries = 500)
    void a_recorded_stream_split_anywhere_decodes_the_same(
            @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 1000) Integer> cuts) {
        List<AtEvent> whole = decode(RECORDED, DecoderProperties::recordedConnections);
        assertThat(whole).hasSize(15);
        assertThat(decodeInChunks(RECORDED, cuts, DecoderProperties::recordedConnections)).isEqualTo(whole);
    }

    // ---- (c) garbage interleaved with valid lines never throws and never hides a valid line ---------------------

    record Valid(String line, AtEvent event) {
    }

    static final List<Valid> VALID = List.of(
            new Valid("+MIPOPEN: 1,0", new Urc.MipOpenResult(1, 0)),
            new Valid("+MIPURC: \"disconn\",0,1", new Urc.Disconnected(0, 1)),
            new Valid("+MIPURC: \"rtcp\",0,5,ab\r\nc", new Urc.DataReceived(0, Protocol.TCP, ascii("ab\r\nc"))),
            new Valid("+MATREADY", new Urc.ModuleReady()),
            new Valid("+MIPCLOSE: 2", new Urc.MipCloseResult(2, java.util.OptionalInt.empty())),
            new Valid("+CME ERROR: 552", FinalResult.CmeError.of(FinalResult.CmeError.Kind.CME, 552)),
            new Valid("OK", new FinalResult.Ok()),
            new Valid("0,CONNECT OK", new Urc.MipOpenResult(0, 0)),
            new Valid("+MIPURC: \"recv\",1,5\r\nab\r\nc", new Urc.DataReceived(1, Protocol.TCP, ascii("ab\r\nc"))),
            new Valid("+MIPURC: \"STATE\",2,2", new Urc.Disconnected(2, 2)),
            new Valid("3,CLOSED", new Urc.Disconnected(3, 1)));

    record Piece(byte[] garbage, Valid valid) {
    }

    @Provide
    Arbitrary<List<Piece>> pieces() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(60);
        Arbitrary<byte[]> fragments = Arbitraries.of("+MIPURC: \"rtcp\",0,1", "+MIPOP", "\u00e0", "+CME ERR", "\"",
                ",,,", "(0-5)", "+MIPURC: \"rudp\",x,", "+MIPRD: 0,", ">", "\r", "\n", "\u0000\u00ff").map(
                DecoderHarness::ascii);
        Arbitrary<byte[]> garbage = Arbitraries.oneOf(random, fragments, fragments.list().ofMaxSize(5)
                .map(list -> concat(list.toArray(new byte[0][]))));
        return Combinators.combine(garbage, Arbitraries.of(VALID)).as(Piece::new).list().ofMaxSize(12);
    }

    @Property(tries = 500)
    void garbage_never_throws_and_never_hides_the_next_valid_line(@ForAll("pieces") List<Piece> pieces,
                                                                  @ForAll @Size(max = 8) List<@IntRange(min = 0, max = 1200) Integer> cuts) {
        List<byte[]> parts = new ArrayList<>();
        List<AtEvent> expected = new ArrayList<>();
        for (Piece piece : pieces) {
            parts.add(piece.garbage());
            parts.add(ascii("\r\n"));
            parts.add(ascii(piece.valid().line() + "\r\n"));
            expected.add(piece.valid().event());
        }
        byte[] bytes = concat(parts.toArray(new byte[0][]));
        List<AtEvent> events = decodeInChunks(bytes, cuts, d -> { });
        List<AtEvent> decodedValid = new ArrayList<>();
        for (AtEvent event : events) {
            if (expected.contains(event)) {
                decodedValid.add(event);
            }
        }
        assertThat(isSubsequence(expected, decodedValid)).as("events %s", events).isTrue();
    }

    private static boolean isSubsequence(List<AtEvent> expected, List<AtEvent> actual) {
        int j = 0;
        for (AtEvent event : actual) {
            if (j < expected.size() && expected.get(j).equals(event)) {
                j++;
            }
        }
        return j == expected.size();
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    static List<AtEvent> decode(byte[] bytes, Consumer<AtDecoder> setup) {
        List<AtEvent> events = new ArrayList<>();
        AtDecoder decoder = new AtDecoder(events::add);
        setup.accept(decoder);
        decoder.feed(bytes, 0, bytes.length);
        return events;
    }

    static List<AtEvent> decodeInChunks(byte[] bytes, List<Integer> cuts, Consumer<AtDecoder> setup) {
        List<AtEvent> events = new ArrayList<>();
        AtDecoder decoder = new AtDecoder(events::add);
        setup.accept(decoder);
        TreeSet<Integer> points = new TreeSet<>();
        for (int cut : cuts) {
            points.add(Math.min(cut, bytes.length));
        }
        points.add(bytes.length);
        int from = 0;
        for (int to : points) {
            decoder.feed(Arrays.copyOfRange(bytes, from, to), 0, to - from);
            from = to;
        }
        return DecoderHarness.normalise(events);
    }
}
