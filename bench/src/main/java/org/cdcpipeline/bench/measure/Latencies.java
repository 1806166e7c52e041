package org.cdcpipeline.bench.measure;

import java.util.Arrays;

/**
 * Commit → receive latencies of one steady-state run, in microseconds, in the order the events arrived
 * (commit order: one partition, and Debezium emits in commit order).
 */
public record Latencies(long[] micros) {

    /** Percentile by nearest rank, in milliseconds; 0 when nothing arrived. */
    public double percentileMillis(double percentile) {
        if (micros.length == 0) {
            return 0;
        }
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100 * sorted.length);
        return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)] / 1000.0;
    }

    public double maxMillis() {
        return Arrays.stream(micros).max().orElse(0) / 1000.0;
    }

    /**
     * Lag grows when the events of the last fifth of the run waited clearly longer than those of the first fifth
     * (by more than 100 ms and more than their own median): the pipeline fell behind the offered rate.
     */
    public boolean lagGrows() {
        if (micros.length < 10) {
            return false;
        }
        int fifth = micros.length / 5;
        double first = new Latencies(Arrays.copyOfRange(micros, 0, fifth)).percentileMillis(50);
        double last = new Latencies(Arrays.copyOfRange(micros, micros.length - fifth, micros.length)).percentileMillis(50);
        return last - first > Math.max(100, first);
    }
}
