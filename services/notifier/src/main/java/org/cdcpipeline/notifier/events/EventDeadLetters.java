package org.cdcpipeline.notifier.events;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.cdcpipeline.notifier.NotifierMetrics;
import org.cdcpipeline.notifier.sink.AlertsPublisher;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Sends malformed change events to a dead-letter topic ({@code bank.public.transactions.dlq},
 * {@code bank.public.accounts.dlq}) as they came (key and value), with the reason in the {@code dead-letter-reason}
 * header and their origin in {@code dead-letter-topic}, {@code -partition} and {@code -offset}: the headers of
 * SmallRye's dead-letter-queue failure strategy, which a batch consumer cannot use, since nacking a batch
 * dead-letters every record of it.
 */
final class EventDeadLetters {

    private static final Logger LOG = Logger.getLogger(EventDeadLetters.class);
    private static final int MAX_SENDS_IN_FLIGHT = 64;

    /** A record that is no change event, and why. */
    record Malformed(ConsumerRecord<byte[], byte[]> record, String reason) {}

    private final MutinyEmitter<byte[]> deadLetters;
    private final NotifierMetrics metrics;

    /** @param deadLetters the emitter of the dead-letter topic's channel */
    EventDeadLetters(MutinyEmitter<byte[]> deadLetters, NotifierMetrics metrics) {
        this.deadLetters = deadLetters;
        this.metrics = metrics;
    }

    /** @return completes once the broker has them all */
    CompletableFuture<Void> send(List<Malformed> malformed) {
        if (malformed.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        for (Malformed each : malformed) {
            LOG.warnf("Malformed change event on %s at offset %d, sent to the dead-letter topic: %s", each.record().topic(),
                    each.record().offset(), each.reason());
            metrics.eventsConsumed(each.record().topic(), "malformed", 1);
        }
        metrics.deadLetters("event", malformed.size());
        List<Uni<Void>> sends = malformed.stream().map(this::send).toList();
        return Uni.join().all(sends).usingConcurrencyOf(MAX_SENDS_IN_FLIGHT).andFailFast().replaceWithVoid()
                .subscribeAsCompletionStage();
    }

    private Uni<Void> send(Malformed malformed) {
        ConsumerRecord<byte[], byte[]> record = malformed.record();
        RecordHeaders headers = new RecordHeaders();
        headers.add(AlertsPublisher.REASON_HEADER, malformed.reason().getBytes(UTF_8));
        headers.add("dead-letter-topic", record.topic().getBytes(UTF_8));
        headers.add("dead-letter-partition", Integer.toString(record.partition()).getBytes(UTF_8));
        headers.add("dead-letter-offset", Long.toString(record.offset()).getBytes(UTF_8));
        return deadLetters.sendMessage(Message.of(record.value()).addMetadata(OutgoingKafkaRecordMetadata.<byte[]>builder()
                .withKey(record.key()).withHeaders(headers).build()));
    }
}
