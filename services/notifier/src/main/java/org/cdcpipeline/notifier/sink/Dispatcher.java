package org.cdcpipeline.notifier.sink;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import org.cdcpipeline.notifier.NotifierMetrics;
import org.cdcpipeline.notifier.config.NotifierConfig;
import org.cdcpipeline.notifier.rules.Notification;
import org.cdcpipeline.notifier.store.NotificationStore;
import org.jboss.logging.Logger;

/**
 * Delivers recorded notifications to the sink from one thread, at most one message per {@code min-interval}: what
 * piles up meanwhile goes out as one digest message, so a backlog slows nothing down and nothing is dropped. A failed
 * post is retried with exponential back-off (or after a 429's Retry-After); after the bounded attempts the
 * notifications go to {@code bank.alerts.dlq}. Each submitted notification's future completes once it is recorded as
 * sent or dead-lettered: only then may the change event's offset be committed.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private final NotificationSink sink;
    private final NotificationStore store;
    private final AlertsPublisher publisher;
    private final NotifierMetrics metrics;
    private final NotifierConfig.Delivery config;
    private final BlockingQueue<Queued> queue;
    /** The same notification submitted again while queued (a redelivery after a rebalance) shares the first's future. */
    private final Map<UUID, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();
    private long nextPostAt = System.nanoTime();
    private Thread worker;

    Dispatcher(NotificationSink sink, NotificationStore store, AlertsPublisher publisher, NotifierMetrics metrics, NotifierConfig config) {
        this.sink = sink;
        this.store = store;
        this.publisher = publisher;
        this.metrics = metrics;
        this.config = config.delivery();
        this.queue = new ArrayBlockingQueue<>(this.config.queueCapacity());
    }

    void start(@Observes StartupEvent started) {
        worker = Thread.ofPlatform().name("notification-dispatcher").daemon().start(this::run);
        // A notifier stopped during a replay, or between recording and posting, left notifications behind. Most come
        // back with their redelivered events too; submitting both is safe, as a queued notification is queued once.
        Thread.ofVirtual().name("notification-recovery").start(this::resubmitUnsettled);
    }

    private void resubmitUnsettled() {
        try {
            List<Notification> unsettled = store.unsettled();
            for (Notification notification : unsettled) {
                submit(notification);
            }
            if (!unsettled.isEmpty()) {
                LOG.infof("Resubmitted %d notifications recorded but not delivered before the last stop", unsettled.size());
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("Could not resubmit the notifications left undelivered by the last run", e);
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        if (worker != null) {
            worker.interrupt();
            worker.join(Duration.ofSeconds(5));
        }
    }

    /**
     * Queues a notification for delivery; blocks while the queue is full, which pauses the consumer on a backlog.
     *
     * @return completes when the notification is recorded as sent or dead-lettered; fails if that could not be recorded
     */
    public CompletableFuture<Void> submit(Notification notification) throws InterruptedException {
        CompletableFuture<Void> delivered = new CompletableFuture<>();
        CompletableFuture<Void> already = inFlight.putIfAbsent(notification.id(), delivered);
        if (already != null) {
            return already;
        }
        delivered.whenComplete((ignored, failure) -> inFlight.remove(notification.id(), delivered));
        queue.put(new Queued(notification, delivered));
        return delivered;
    }

    /** Sends every dead letter again; returns how many. */
    public int replayDeadLetters() throws InterruptedException {
        List<Notification> deadLetters = store.requeueDeadLetters();
        for (Notification notification : deadLetters) {
            submit(notification);
        }
        LOG.infof("Replaying %d dead-lettered notifications", deadLetters.size());
        return deadLetters.size();
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Queued first = queue.take();
                awaitTurn();
                List<Queued> batch = new ArrayList<>(List.of(first));
                queue.drainTo(batch, config.digestMaxSize() - 1);
                try {
                    deliver(batch);
                } catch (RuntimeException e) {
                    // The database or Kafka failed, not the sink: the events stay unacknowledged and come again.
                    LOG.errorf(e, "Could not record the delivery of %d notifications", batch.size());
                    batch.forEach(queued -> queued.delivered().completeExceptionally(e));
                }
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(List<Queued> taken) throws InterruptedException {
        List<UUID> takenIds = taken.stream().map(queued -> queued.notification().id()).toList();
        skipThoseAlreadyPosted(takenIds);
        // Only what is still unsettled gets posted: the same notification may have been queued twice.
        Set<UUID> unsettled = store.markPosting(takenIds);
        taken.stream().filter(queued -> !unsettled.contains(queued.notification().id())).forEach(queued -> queued.delivered().complete(null));
        List<Queued> batch = taken.stream().filter(queued -> unsettled.contains(queued.notification().id())).toList();
        if (batch.isEmpty()) {
            return;
        }
        List<Notification> notifications = batch.stream().map(Queued::notification).toList();
        List<UUID> ids = notifications.stream().map(Notification::id).toList();
        for (int attempt = 1; ; attempt++) {
            if (attempt > 1) {
                awaitTurn();
                store.markPosting(ids);
            }
            long startedAt = System.nanoTime();
            try {
                sink.post(notifications);
                nextPostAt = System.nanoTime() + sink.minInterval().toNanos();
                metrics.slackPost(sink.name(), "sent", Duration.ofNanos(System.nanoTime() - startedAt));
                store.markSent(ids);
                batch.forEach(queued -> queued.delivered().complete(null));
                return;
            } catch (DeliveryFailure failure) {
                metrics.slackPost(sink.name(), failure.isRetryable() ? "retryable-failure" : "permanent-failure",
                        Duration.ofNanos(System.nanoTime() - startedAt));
                if (!failure.isRetryable() || attempt >= config.maxAttempts()) {
                    deadLetter(batch, failure.getMessage() + " (after " + attempt + " attempt" + (attempt == 1 ? "" : "s") + ")");
                    return;
                }
                Duration wait = failure.retryAfter().map(this::capRetryAfter).orElse(backoff(attempt));
                LOG.warnf("Posting %d notifications failed (%s), attempt %d of %d; next try in %d ms",
                        batch.size(), failure.getMessage(), attempt, config.maxAttempts(), wait.toMillis());
                metrics.retry(sink.name());
                nextPostAt = System.nanoTime() + Math.max(wait.toNanos(), sink.minInterval().toNanos());
            }
        }
    }

    /** A notification whose post was cut short by a crash may be in the channel already: then it counts as sent. */
    private void skipThoseAlreadyPosted(List<UUID> ids) {
        Map<UUID, Instant> inDoubt = store.inDoubt(ids);
        if (inDoubt.isEmpty()) {
            return;
        }
        Set<UUID> posted = sink.alreadyPosted(inDoubt.keySet(), inDoubt.values().stream().min(Instant::compareTo).orElseThrow());
        if (!posted.isEmpty()) {
            LOG.infof("%d notifications were posted before the last stop without being recorded; not posting them again", posted.size());
            store.markSent(posted);
        }
        if (posted.size() < inDoubt.size()) {
            LOG.warnf("Posting %d notifications again whose earlier post was cut short: %s may show them twice",
                    inDoubt.size() - posted.size(), sink.name());
        }
    }

    private void deadLetter(List<Queued> batch, String reason) {
        LOG.errorf("Dead-lettering %d notifications to bank.alerts.dlq: %s", batch.size(), reason);
        for (Queued queued : batch) {
            publisher.publishDeadLetter(queued.notification(), reason);
        }
        metrics.deadLetters("notification", batch.size());
        store.markDeadLettered(batch.stream().map(queued -> queued.notification().id()).toList(), reason);
        batch.forEach(queued -> queued.delivered().complete(null));
    }

    private Duration backoff(int attempt) {
        Duration backoff = config.initialBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
        return backoff.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : backoff;
    }

    private Duration capRetryAfter(Duration retryAfter) {
        return retryAfter.compareTo(config.maxRetryAfter()) > 0 ? config.maxRetryAfter() : retryAfter;
    }

    private void awaitTurn() throws InterruptedException {
        long wait = nextPostAt - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(Duration.ofNanos(wait));
        }
    }

    private record Queued(Notification notification, CompletableFuture<Void> delivered) {}
}
