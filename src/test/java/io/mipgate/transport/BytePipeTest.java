package io.mipgate.transport;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BytePipeTest {

    @Test
    void wrapsAroundTheRingWithoutLosingOrder() throws Exception {
        BytePipe pipe = new BytePipe(5, BytePipe.UNLIMITED_CHUNK);
        byte[] out = new byte[5];

        pipe.write(new byte[] {1, 2, 3}, 0, 3);
        assertThat(pipe.read(out, 0, 2)).isEqualTo(2);
        pipe.write(new byte[] {4, 5, 6, 7}, 0, 4); // tail wraps past the end of the array

        assertThat(pipe.available()).isEqualTo(5);
        assertThat(pipe.read(out, 0, 5)).isEqualTo(5);
        assertThat(out).containsExactly(3, 4, 5, 6, 7);
        assertThat(pipe.highWaterMark()).isEqualTo(5);
    }

    @Test
    void zeroLengthReadReturnsAtOnceAndBadBoundsAreRejected() throws Exception {
        BytePipe pipe = new BytePipe(8, 4);

        assertThat(pipe.read(new byte[1], 0, 0)).isZero();
        assertThatThrownBy(() -> pipe.read(new byte[4], 2, 3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> pipe.write(new byte[4], -1, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> new BytePipe(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BytePipe(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void closingTheReaderDropsBufferedBytes() throws Exception {
        BytePipe pipe = new BytePipe(8, BytePipe.UNLIMITED_CHUNK);
        pipe.write(new byte[] {1, 2}, 0, 2);

        pipe.closeReader();

        assertThat(pipe.read(new byte[2], 0, 2)).isEqualTo(-1);
        assertThat(pipe.available()).isZero();
    }
}
