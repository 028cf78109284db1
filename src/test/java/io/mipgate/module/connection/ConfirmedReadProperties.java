package io.mipgate.module.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Confirmed reads over the receive ring: whatever mix of arrivals, repeated reads (a lost response), confirmations and
 * plain takes, the client that follows the offsets assembles exactly the bytes that arrived, once, in order.
 */
class ConfirmedReadProperties {

    sealed interface Step {
        record Arrive(int length) implements Step {
        }

        record Read(int max, boolean lost) implements Step {
        }

        record Take(int max) implements Step {
        }
    }

    @Property(tries = 300)
    void aClientFollowingTheOffsetsGetsEveryByteOnceInOrder(@ForAll("steps") List<Step> steps) {
        ReceiveBuffer buffer = new ReceiveBuffer(512);
        ByteArrayOutputStream arrived = new ByteArrayOutputStream();
        ByteArrayOutputStream delivered = new ByteArrayOutputStream();
        long cursor = 0;
        int next = 0;
        for (Step step : steps) {
            switch (step) {
                case Step.Arrive arrive -> {
                    byte[] data = new byte[arrive.length()];
                    for (int i = 0; i < data.length; i++) {
                        data[i] = (byte) next++;
                    }
                    int taken = buffer.append(data, 0, data.length);
                    arrived.write(data, 0, taken);
                    next -= data.length - taken; // what did not fit never arrived, as far as the stream goes
                }
                case Step.Read read -> {
                    byte[] window = buffer.confirmAndPeek(cursor, read.max());
                    assertThat(buffer.start()).isEqualTo(cursor);
                    if (!read.lost()) {
                        delivered.writeBytes(window);
                        cursor += window.length;
                    }
                }
                case Step.Take take -> {
                    long before = buffer.start();
                    buffer.confirmAndPeek(cursor, 1); // confirm what this client has, then hand the rest out
                    byte[] taken = buffer.take(take.max());
                    assertThat(buffer.start()).isEqualTo(before + (cursor - before) + taken.length);
                    delivered.writeBytes(taken);
                    cursor += taken.length;
                }
            }
            assertThat(buffer.end()).isEqualTo(arrived.size());
        }
        delivered.writeBytes(buffer.confirmAndPeek(cursor, Integer.MAX_VALUE));
        assertThat(delivered.toByteArray()).isEqualTo(arrived.toByteArray());
    }

    @Property(tries = 50)
    void offsetsBeforeTheConfirmedStartOrPastTheEndAreRefused(@ForAll("lengths") int length) {
        ReceiveBuffer buffer = new ReceiveBuffer(512);
        buffer.append(new byte[length], 0, length);
        buffer.confirmAndPeek(length / 2, 10);
        assertThatThrownBy(() -> buffer.confirmAndPeek(length / 2 - 1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> buffer.confirmAndPeek(length + 1, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Provide
    Arbitrary<Integer> lengths() {
        return Arbitraries.integers().between(2, 512);
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> arrive = Arbitraries.integers().between(1, 300).map(Step.Arrive::new);
        Arbitrary<Step> read = net.jqwik.api.Combinators.combine(Arbitraries.integers().between(1, 200),
                Arbitraries.of(true, false)).as(Step.Read::new);
        Arbitrary<Step> take = Arbitraries.integers().between(1, 200).map(Step.Take::new);
        return Arbitraries.oneOf(arrive, read, take).list().ofMaxSize(60);
    }
}
