package org.cdcpipeline.notifier.events;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cdcpipeline.events.ChangeEventParser;
import org.cdcpipeline.events.EventIdentity;
import org.cdcpipeline.events.MalformedChangeEventException;
import org.cdcpipeline.events.ParsedRecord;
import org.cdcpipeline.events.TransactionRow;
import org.cdcpipeline.notifier.NotifierMetrics;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code bank.public.transactions} one poll at a time (the channel's {@code batch=true}, up to
 * {@code max.poll.records} records): the database work of a whole batch is one transaction, not three per event.
 *
 * <p>Acknowledgement is manual and is what commits offsets: the channel's throttled commit strategy commits a batch's
 * offsets only once that batch and all before it are acknowledged, and a batch is acknowledged only once every
 * notification it raised is recorded as sent or handed to {@code bank.alerts.dlq}, and its malformed records are on
 * {@code bank.public.transactions.dlq}. Batches are processed one at a time and in order (the rules and the database
 * work block), while deliveries finish in the background, so a slow Slack does not hold up later events. A malformed
 * record goes to {@code bank.public.transactions.dlq} with the parser's reason in the {@code dead-letter-reason}
 * header, and the rest of its batch is processed.
 */
@ApplicationScoped
public class TransactionEventsConsumer {

    private static final Logger LOG = Logger.getLogger(TransactionEventsConsumer.class);
    private static final String TOPIC = "bank.public.transactions";

    private final ChangeEventParser parser = new ChangeEventParser();
    private final TransactionEventHandler handler;
    private final BatchRetry retry;
    private final EventDeadLetters deadLetters;
    private final NotifierMetrics metrics;

    TransactionEventsConsumer(TransactionEventHandler handler, BatchRetry retry,
            @Channel("transactions-dlq") MutinyEmitter<byte[]> deadLetters, NotifierMetrics metrics) {
        this.handler = handler;
        this.retry = retry;
        this.deadLetters = new EventDeadLetters(deadLetters, metrics);
        this.metrics = metrics;
    }

    @Incoming("transactions")
    @Blocking
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> consume(KafkaRecordBatch<byte[], byte[]> batch) throws InterruptedException {
        List<TransactionEvent> events = new ArrayList<>();
        List<EventDeadLetters.Malformed> malformed = new ArrayList<>();
        int tombstones = 0;
        for (ConsumerRecord<byte[], byte[]> record : BatchRecords.of(batch)) {
            try {
                ParsedRecord<TransactionRow> parsed = parser.parse(record.value(), TransactionRow.class);
                if (parsed instanceof ParsedRecord.Event<TransactionRow>(var event)) {
                    events.add(new TransactionEvent(event, EventIdentity.of(event, parser.parseKey(record.key()))));
                } else {
                    tombstones++;
                }
            } catch (MalformedChangeEventException e) {
                malformed.add(new EventDeadLetters.Malformed(record, e.getMessage()));
            }
        }
        metrics.eventsConsumed(TOPIC, "tombstone", tombstones);

        CompletableFuture<Void> deadLettered = deadLetters.send(malformed);
        // The notifier's database or Kafka failing is not the events' fault: no dead letter, the batch waits for them.
        CompletableFuture<Void> delivered = retry.untilDone("a batch of " + events.size() + " change events of " + TOPIC,
                () -> handler.handle(events));
        metrics.eventsConsumed(TOPIC, "processed", events.size());
        CompletableFuture.allOf(deadLettered, delivered).whenComplete((ignored, failure) -> {
            if (failure == null) {
                batch.ack();
            } else {
                // Left unacknowledged: its offsets are never committed, so it comes again after a restart; the channel's
                // health check reports the stuck batch meanwhile.
                LOG.errorf(failure, "Notifications or dead letters of a batch of %s could not be recorded; it stays uncommitted", TOPIC);
            }
        });
        return CompletableFuture.completedFuture(null);
    }
}
