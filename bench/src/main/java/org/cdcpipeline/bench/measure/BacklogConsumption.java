package org.cdcpipeline.bench.measure;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.cdcpipeline.bench.stack.ConsumerGroup;
import org.cdcpipeline.bench.stack.NotifierProcess;

/**
 * How fast the notifier works through a backlog. Its progress is sampled every 100 ms: the events its
 * {@code cdc_notifier_events_consumed_total} counter (on {@code /q/metrics}) has counted on the transactions topic,
 * or, where that is further, the offset its consumer group has committed (which moves only every few seconds). The
 * rate is taken from the last sample before the progress first moved to the first sample that saw every event, so
 * neither the JVM's start nor the joining of the group counts; the run ends once every offset is committed.
 */
public final class BacklogConsumption {

    static final String COUNTER = "cdc_notifier_events_consumed_total";
    private static final Duration SAMPLE = Duration.ofMillis(100);

    private final NotifierProcess notifier;
    private final ConsumerGroup group;
    private final String topic;
    private final long startOffset;
    private final long events;

    /** @param startOffset where the group starts on {@code topic}: the backlog is the {@code events} after it */
    public BacklogConsumption(NotifierProcess notifier, ConsumerGroup group, String topic, long startOffset, long events) {
        this.notifier = notifier;
        this.group = group;
        this.topic = topic;
        this.startOffset = startOffset;
        this.events = events;
    }

    /**
     * @param seconds                  the measured window
     * @param allCommittedAfterSeconds from the notifier's launch until every offset was committed
     * @param resources                the sampler's figures, up to the moment every event had been consumed
     */
    public record Drain(double seconds, double eventsPerSecond, double allCommittedAfterSeconds, String measuredWith,
                        Map<String, ProcessSampler.Usage> resources) {
    }

    /**
     * Samples until the notifier's group has committed every event of the backlog; fails when it made no progress
     * for {@code stallTimeout}. {@code sampler} is finished once every event has been consumed.
     */
    public Drain await(Duration stallTimeout, ProcessSampler sampler) throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + stallTimeout.toNanos();
        long lastProgress = -1;
        long lastCommitted = 0;
        long firstProgress = -1;
        long windowStart = notifier.launchedNanos();
        long allConsumed = 0;
        Map<String, ProcessSampler.Usage> resources = null;
        boolean counted = false;
        while (true) {
            String metrics = notifier.metrics();
            long committed = Math.max(0, group.committed(topic) - startOffset);
            long now = System.nanoTime();
            long counter = metrics == null ? 0 : consumedEvents(metrics);
            counted |= counter > 0;
            long progress = Math.max(counter, committed);
            if (metrics != null || committed > 0) {
                if (firstProgress < 0) {
                    firstProgress = progress;
                }
                if (progress == firstProgress) {
                    windowStart = now;
                }
            }
            if (allConsumed == 0 && progress >= events) {
                allConsumed = now;
                resources = sampler.finish();
            }
            if (committed >= events) {
                return drain(firstProgress, windowStart, allConsumed, now, counted, resources);
            }
            if (progress > lastProgress || committed > lastCommitted) {
                lastProgress = progress;
                lastCommitted = committed;
                deadline = now + stallTimeout.toNanos();
            } else if (now > deadline) {
                throw new IllegalStateException("the notifier has consumed " + progress + " of " + events + " events (committed " + committed
                        + ") and made no progress for " + stallTimeout.toSeconds() + " s; see " + notifier.log());
            }
            Thread.sleep(SAMPLE);
        }
    }

    private Drain drain(long firstProgress, long windowStart, long allConsumed, long allCommitted, boolean counted,
                        Map<String, ProcessSampler.Usage> resources) {
        String method = counted ? COUNTER + " on /q/metrics, sampled every 100 ms" : "committed offsets of consumer group " + group.name()
                + " (no " + COUNTER + " on /q/metrics), sampled every 100 ms";
        long from = windowStart;
        long measured = events - firstProgress;
        if (firstProgress >= events) {
            // All of it went before the first sample: a lower bound, start-up included.
            from = notifier.launchedNanos();
            measured = events;
            method += "; every event was consumed before the first sample, so from the launch, start-up included";
        }
        double seconds = (allConsumed - from) / 1e9;
        return new Drain(seconds, measured / seconds, (allCommitted - notifier.launchedNanos()) / 1e9, method, resources);
    }

    /** The events the notifier has counted on topics other than accounts, from its Prometheus text; 0 before the first. */
    static long consumedEvents(String prometheusText) {
        return Math.round(prometheusText.lines()
                .filter(line -> line.startsWith(COUNTER + "{") && !line.contains("accounts"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf('}') + 1).trim().split(" ")[0]))
                .sum());
    }
}
