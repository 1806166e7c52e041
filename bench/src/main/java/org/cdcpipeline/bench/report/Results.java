package org.cdcpipeline.bench.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.cdcpipeline.bench.measure.Latencies;
import org.cdcpipeline.bench.measure.MachineDescription;
import org.cdcpipeline.bench.measure.ProcessSampler.Usage;

/**
 * Everything one run measured, with what it ran on and how: the JSON results file is this record. The figures of a
 * group of scenarios that did not run ({@code --scenarios}) are absent: null, or empty lists.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Results(
        MachineDescription machine,
        String loadAverageAtEnd,
        Map<String, String> versions,
        Map<String, Object> settings,
        Load load,
        List<Drain> drains,
        Decoding decoding,
        List<Steady> steady,
        Notifier notifier,
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

    /**
     * The notifier scenarios.
     *
     * @param readySeconds from launching the notifier's JVM to its first 200 on {@code /q/health/ready}, on an idle topic
     * @param latency      one entry per paced rate
     */
    public record Notifier(double readySeconds, List<NotifierLatency> latency, NotifierBacklog backlog) {
    }

    /**
     * One paced rate offered to the pipeline with the notifier behind it. Latencies start at the flagged row's commit
     * ({@code source.ts_us}); a decision is the alert's arrival at a consumer of {@code bank.alerts}, a Slack post the
     * webhook call's arrival at the fake Slack.
     *
     * @param flagged      rows the large-amount rule should flag
     * @param slackPosts   webhook calls during the run; {@code digests} of them grouped several alerts
     * @param minPostGapMs the shortest time between two posts: the notifier's pacing of Slack, as seen from Slack (null under two posts)
     * @param lagGrows     the decisions of the last fifth of the flagged rows waited clearly longer than those of the first fifth
     */
    public record NotifierLatency(int offeredPerSecond, double achievedPerSecond, long committed, double flaggedPerSecond, long flagged,
                                  Percentiles decision, Percentiles slack, long slackPosts, long digests, Double minPostGapMs,
                                  boolean lagGrows) {
    }

    /** Latency percentiles of {@code count} samples, in milliseconds. */
    public record Percentiles(long count, double p50Ms, double p95Ms, double p99Ms, double maxMs) {

        public static Percentiles of(Latencies latencies) {
            return new Percentiles(latencies.micros().length, latencies.percentileMillis(50), latencies.percentileMillis(95),
                    latencies.percentileMillis(99), latencies.maxMillis());
        }
    }

    /**
     * The notifier started with {@code events} change events waiting for it.
     *
     * @param seconds                  the consumption window the rate is measured over (see {@code measuredWith})
     * @param readySeconds             launch to ready, while the backlog waited
     * @param allCommittedAfterSeconds launch until its consumer group had committed every event's offset
     * @param resources                from ready until every event was consumed
     */
    public record NotifierBacklog(long events, double seconds, double eventsPerSecond, double readySeconds, double allCommittedAfterSeconds,
                                  String measuredWith, Map<String, Usage> resources) {
    }

    /** The headline figures, printed as the last line: those of the scenarios that ran. */
    public record Summary(@JsonUnwrapped PipelineSummary pipeline, @JsonUnwrapped NotifierSummary notifier) {

        public String line() {
            return Stream.of(pipeline == null ? null : pipeline.line(), notifier == null ? null : notifier.line())
                    .filter(part -> part != null).collect(Collectors.joining(" "));
        }
    }

    public record PipelineSummary(double eventsPerSecond, double stockEventsPerSecond, double ratioToDecoding, double p99CommitToKafkaMs,
                                  int p99AtRate, int highestSustainedRate, double stackMemoryMb) {

        String line() {
            return String.format(Locale.ROOT, "events_per_s=%.0f stock_events_per_s=%.0f ratio_to_decoding=%.3f p99_commit_to_kafka_ms=%.1f rss_mb=%.0f",
                    eventsPerSecond, stockEventsPerSecond, ratioToDecoding, p99CommitToKafkaMs, stackMemoryMb);
        }
    }

    /**
     * @param p99CommitToNotifierMs at {@code notifierP99AtRate} (1,000 tx/s when offered)
     * @param p99CommitToSlackMs    at {@code slackP99AtRate} (100 tx/s when offered)
     */
    public record NotifierSummary(double p99CommitToNotifierMs, int notifierP99AtRate, double p99CommitToSlackMs, int slackP99AtRate,
                                  double backlogEventsPerSecond, double notifierReadySeconds) {

        String line() {
            return String.format(Locale.ROOT, "p99_commit_to_notifier_ms=%.1f p99_commit_to_slack_ms=%.1f notifier_backlog_events_per_s=%.0f notifier_ready_s=%.2f",
                    p99CommitToNotifierMs, p99CommitToSlackMs, backlogEventsPerSecond, notifierReadySeconds);
        }
    }
}
