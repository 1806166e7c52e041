package org.cdcpipeline.notifier.events;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import org.cdcpipeline.events.ChangeEventParser;
import org.cdcpipeline.events.MalformedChangeEventException;
import org.cdcpipeline.events.ParsedRecord;
import org.cdcpipeline.events.TransactionRow;
import org.cdcpipeline.notifier.NotifierMetrics;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Consumes {@code bank.public.transactions}.
 *
 * <p>Acknowledgement is manual and is what commits offsets: the channel's throttled commit strategy commits an offset
 * only once that record and all before it are acknowledged, and a record is acknowledged only once every notification
 * it raised is recorded as sent or handed to {@code bank.alerts.dlq}. Records are processed one at a time and in
 * order (the rules and the database work block), while deliveries finish in the background, so a slow Slack does not
 * hold up events that raise nothing. A malformed record is nacked with the parser's reason: the dead-letter-queue
 * failure strategy sends it to {@code bank.public.transactions.dlq} with that reason in the {@code dead-letter-reason}
 * header, and consumption goes on.
 */
@ApplicationScoped
public class TransactionEventsConsumer {

    private static final Logger LOG = Logger.getLogger(TransactionEventsConsumer.class);
    private static final String TOPIC = "bank.public.transactions";

    private final ChangeEventParser parser = new ChangeEventParser();
    private final TransactionEventHandler handler;
    private final NotifierMetrics metrics;

    TransactionEventsConsumer(TransactionEventHandler handler, NotifierMetrics metrics) {
        this.handler = handler;
        this.metrics = metrics;
    }

    @Incoming("transactions")
    @Blocking
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> consume(Message<byte[]> message) throws InterruptedException {
        byte[] key = message.getMetadata(IncomingKafkaRecordMetadata.class).map(metadata -> (byte[]) metadata.getKey()).orElse(null);
        CompletableFuture<Void> delivered;
        try {
            ParsedRecord<TransactionRow> parsed = parser.parse(message.getPayload(), TransactionRow.class);
            if (!(parsed instanceof ParsedRecord.Event<TransactionRow>(var event))) {
                metrics.eventConsumed(TOPIC, "tombstone");
                return message.ack();
            }
            delivered = handler.handle(event, parser.parseKey(key));
        } catch (MalformedChangeEventException e) {
            LOG.warnf("Malformed change event on %s, sent to the dead-letter topic: %s", TOPIC, e.getMessage());
            metrics.eventConsumed(TOPIC, "malformed");
            metrics.deadLetter("event");
            return message.nack(e);
        } catch (RuntimeException e) {
            // The notifier's database or Kafka failed, not the event: no dead letter, see below.
            LOG.errorf(e, "Could not process a change event of %s; it stays uncommitted", TOPIC);
            return CompletableFuture.completedFuture(null);
        }
        metrics.eventConsumed(TOPIC, "processed");
        delivered.whenComplete((ignored, failure) -> {
            if (failure == null) {
                message.ack();
            } else {
                // Left unacknowledged: its offset is never committed, so it comes again after a restart; the channel's
                // health check reports the stuck record meanwhile.
                LOG.errorf(failure, "Notifications of a change event could not be recorded; it stays uncommitted");
            }
        });
        return CompletableFuture.completedFuture(null);
    }
}
