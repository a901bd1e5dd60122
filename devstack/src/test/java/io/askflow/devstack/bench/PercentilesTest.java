package io.askflow.devstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void takesTheNearestRankOfOneToAHundred() {
        long[] shuffled = LongStream.rangeClosed(1, 100).map(i -> (i * 37) % 100 + 1).toArray();

        Percentiles p = Percentiles.of(shuffled);

        assertThat(p).isEqualTo(new Percentiles(50, 95, 99, 100));
    }

    @Test
    void reportsMeasuredValuesForSmallSamples() {
        assertThat(Percentiles.of(new long[] {40, 10, 30, 20})).isEqualTo(new Percentiles(20, 40, 40, 4));
        assertThat(Percentiles.of(new long[] {7})).isEqualTo(new Percentiles(7, 7, 7, 1));
    }

    @Test
    void hasNoSamplesWhenNothingWasMeasured() {
        assertThat(Percentiles.of(new long[0]).samples()).isZero();
    }

    @Test
    void doesNotReorderTheCallersValues() {
        long[] values = {3, 1, 2};

        Percentiles.of(values);

        assertThat(values).containsExactly(3, 1, 2);
    }
}
