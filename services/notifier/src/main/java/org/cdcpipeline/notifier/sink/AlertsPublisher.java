package org.cdcpipeline.notifier.sink;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.cdcpipeline.notifier.rules.Notification;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes notifications as JSON, keyed by notification id: every one to {@code bank.alerts}, and those Slack never
 * took to {@code bank.alerts.dlq} with the reason in the {@code dead-letter-reason} header. Each call waits for the
 * broker's acknowledgements, so a notification counts as handed over only once Kafka has it.
 */
@ApplicationScoped
public class AlertsPublisher {

    public static final String REASON_HEADER = "dead-letter-reason";

    private static final int MAX_SENDS_IN_FLIGHT = 256;

    private final MutinyEmitter<String> alerts;
    private final MutinyEmitter<String> deadLetters;
    private final ObjectMapper json;

    AlertsPublisher(@Channel("alerts") MutinyEmitter<String> alerts, @Channel("alerts-dlq") MutinyEmitter<String> deadLetters,
            ObjectMapper json) {
        this.alerts = alerts;
        this.deadLetters = deadLetters;
        this.json = json;
    }

    /** Sends them all at once and returns when the broker has every one: one round trip for a batch of events. */
    public void publish(List<Notification> notifications) {
        if (notifications.isEmpty()) {
            return;
        }
        List<Uni<Void>> sends = notifications.stream().map(notification -> alerts.sendMessage(Message.of(toJson(notification))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(notification.id().toString()).build()))).toList();
        // Bounded below the channel's max-inflight-messages (1024), so a large batch never overflows the emitter's buffer.
        Uni.join().all(sends).usingConcurrencyOf(MAX_SENDS_IN_FLIGHT).andFailFast().await().indefinitely();
    }

    public void publishDeadLetter(Notification notification, String reason) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON_HEADER, reason.getBytes(UTF_8));
        deadLetters.sendMessageAndAwait(Message.of(toJson(notification)).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(notification.id().toString()).withHeaders(headers).build()));
    }

    private String toJson(Notification notification) {
        try {
            return json.writeValueAsString(notification);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notification must serialize", e);
        }
    }
}
