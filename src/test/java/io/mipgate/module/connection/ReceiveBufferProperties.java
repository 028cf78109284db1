package io.mipgate.module.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The ring hands out every accepted byte exactly once, in order, and refuses (never overwrites) what does not fit. */
class ReceiveBufferProperties {

    @Property(tries = 500)
    void acceptedBytesComeOutOnceInOrder(@ForAll @IntRange(min = 1, max = 512) int capacity,
                                         @ForAll @Size(max = 60) List<@Size(max = 300) byte[]> arrivals,
                                         @ForAll @Size(min = 60, max = 60) List<@IntRange(min = 0, max = 400) Integer> takes) {
        ReceiveBuffer buffer = new ReceiveBuffer(capacity);
        ByteArrayOutputStream accepted = new ByteArrayOutputStream();
        ByteArrayOutputStream delivered = new ByteArrayOutputStream();
        for (int i = 0; i < arrivals.size(); i++) {
            byte[] data = arrivals.get(i);
            int free = buffer.free();
            int n = buffer.append(data, 0, data.length);
            assertThat(n).isEqualTo(Math.min(free, data.length));
            accepted.write(data, 0, n);
            delivered.writeBytes(buffer.take(takes.get(i)));
            assertThat(buffer.size()).isBetween(0, capacity);
        }
        delivered.writeBytes(buffer.take(Integer.MAX_VALUE));
        assertThat(delivered.toByteArray()).isEqualTo(accepted.toByteArray());
        assertThat(buffer.highWaterMark()).isLessThanOrEqualTo(capacity);
    }
}
