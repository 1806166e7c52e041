package org.cdcpipeline.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesAreNearestRankInMilliseconds() {
        Latencies latencies = new Latencies(LongStream.rangeClosed(1, 100).map(ms -> ms * 1000).toArray());

        assertThat(latencies.percentileMillis(50)).isEqualTo(50.0);
        assertThat(latencies.percentileMillis(99)).isEqualTo(99.0);
        assertThat(latencies.maxMillis()).isEqualTo(100.0);
    }

    @Test
    void noEventsMeansZeroRatherThanAnError() {
        assertThat(new Latencies(new long[0]).percentileMillis(99)).isZero();
    }

    @Test
    void lagGrowsWhenTheLastEventsWaitedFarLongerThanTheFirst() {
        long[] fallingBehind = LongStream.range(0, 1000).map(i -> 10_000 + i * 1_000).toArray();   // 10 ms → 1 s
        long[] steady = LongStream.range(0, 1000).map(i -> 10_000 + i % 7 * 1_000).toArray();     // 10–16 ms throughout

        assertThat(new Latencies(fallingBehind).lagGrows()).isTrue();
        assertThat(new Latencies(steady).lagGrows()).isFalse();
    }
}
