package org.cdcpipeline.notifier.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the notifier turns change events into alerts and delivers them. */
@ConfigMapping(prefix = "cdc.notifier")
public interface NotifierConfig {

    /** Base URL of the transaction-writer API; alerts link to {@code <base>/api/transactions/{id}}. */
    @WithDefault("http://localhost:8080")
    String linkBaseUrl();

    /** Whether rows read by Debezium's initial snapshot ({@code op=r}) may raise alerts. */
    @WithDefault("false")
    boolean alertOnSnapshot();

    /**
     * How long the velocity rule's record of each account's transactions is kept, counted back from the newest; never
     * less than the rule's window. Deleted every {@code cdc.notifier.activity-purge-interval}.
     */
    @WithDefault("15m")
    Duration activityRetention();

    /** How often the rows beyond {@link #activityRetention()} are deleted (read by ActivityPurge's schedule). */
    @WithDefault("1m")
    Duration activityPurgeInterval();

    Delivery delivery();

    interface Delivery {

        /** Posts per notification (or digest) before it goes to the dead-letter topic. */
        @WithDefault("5")
        int maxAttempts();

        /** Wait before the first retry of a 5xx or a time-out; doubled on each further retry. */
        @WithDefault("500ms")
        Duration initialBackoff();

        @WithDefault("10s")
        Duration maxBackoff();

        /** A 429's Retry-After longer than this is cut to it, so one answer cannot stall delivery for long. */
        @WithDefault("60s")
        Duration maxRetryAfter();

        /** Slack accepts about one message per second per channel; a backlog is grouped into digests. */
        @WithDefault("1s")
        Duration minInterval();

        /** Most notifications in one digest message (Slack allows 50 blocks a message). */
        @WithDefault("20")
        int digestMaxSize();

        /** Notifications waiting for delivery before the consumer pauses: bounds memory on a backlog. */
        @WithDefault("500")
        int queueCapacity();

        /** Connect, read and write time-out of one call to Slack. */
        @WithDefault("10s")
        Duration timeout();
    }
}
