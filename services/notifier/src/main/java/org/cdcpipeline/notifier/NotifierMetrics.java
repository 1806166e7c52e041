package org.cdcpipeline.notifier;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;

/** The notifier's own meters on {@code /q/metrics}; Kafka's client metrics (consumer lag included) come from Quarkus. */
@ApplicationScoped
public class NotifierMetrics {

    private final MeterRegistry registry;

    NotifierMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** @param outcome processed, tombstone, malformed (transactions); processed, skipped (accounts) */
    public void eventsConsumed(String topic, String outcome, int count) {
        registry.counter("cdc.notifier.events.consumed", "topic", topic, "outcome", outcome).increment(count);
    }

    public void notificationRaised(String rule) {
        registry.counter("cdc.notifier.notifications", "rule", rule).increment();
    }

    /** @param outcome sent, retryable-failure, permanent-failure */
    public void slackPost(String sink, String outcome, Duration latency) {
        registry.timer("cdc.notifier.sink.post", "sink", sink, "outcome", outcome).record(latency);
    }

    public void retry(String sink) {
        registry.counter("cdc.notifier.sink.retries", "sink", sink).increment();
    }

    /** @param kind event (a malformed change event) or notification (one the sink never took) */
    public void deadLetters(String kind, int count) {
        registry.counter("cdc.notifier.dead.letters", "kind", kind).increment(count);
    }
}
