package org.cdcpipeline.bench.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cdcpipeline.bench.measure.MachineDescription;
import org.cdcpipeline.bench.measure.ProcessSampler.Usage;

/** Everything one run measured, with what it ran on and how: the JSON results file is this record. */
public record Results(
        MachineDescription machine,
        String loadAverageAtEnd,
        Map<String, String> versions,
        Map<String, Object> settings,
        Load load,
        List<Drain> drains,
        Decoding decoding,
        List<Steady> steady,
        String notifierLatency,
        Summary summary) {

    /** The bulk load into PostgreSQL (COPY), before any connector runs. */
    public record Load(long rows, int rowsPerCommit, double seconds, double rowsPerSecond) {
    }

    /**
     * Scenario 1 and 4: one connector drains the backlog; seconds from the resume request to the last event received.
     * Resources are sampled over the same window.
     */
    public record Drain(String connector, long events, double seconds, double eventsPerSecond, double firstEventAfterSeconds,
                        Map<String, Usage> resources, double stackMemoryMb) {
    }

    /** Scenario 3: PostgreSQL's own logical decoding of the same rows. */
    public record Decoding(long rows, double seconds, double rowsPerSecond) {
    }

    /** Scenario 2: one offered rate, for one connector. */
    public record Steady(String connector, int offeredPerSecond, double achievedPerSecond, long committed, long received,
                         double p50Ms, double p95Ms, double p99Ms, double maxMs, boolean lagGrows, boolean sustained) {
    }

    /** The headline figures, printed as the last line. */
    public record Summary(double eventsPerSecond, double stockEventsPerSecond, double ratioToDecoding, double p99CommitToKafkaMs,
                          int p99AtRate, int highestSustainedRate, double stackMemoryMb) {

        public String line() {
            return String.format(Locale.ROOT, "events_per_s=%.0f stock_events_per_s=%.0f ratio_to_decoding=%.3f p99_commit_to_kafka_ms=%.1f rss_mb=%.0f",
                    eventsPerSecond, stockEventsPerSecond, ratioToDecoding, p99CommitToKafkaMs, stackMemoryMb);
        }
    }
}
