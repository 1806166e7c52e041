package org.cdcpipeline.bench.measure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Watches what the notifier decides: reads the transactions topic the notifier consumes, for each transaction's commit
 * time ({@code source.ts_us}, as the pipeline's latency uses), and the alerts topic, for the time each transaction's
 * first alert became visible to a consumer. Partitions are assigned (no consumer group) and read from their end.
 */
public final class AlertWatch implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(100);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final TopicPartition transactions;
    private final TopicPartition alerts;

    /** Commit and first-alert times (epoch microseconds) of the transactions seen since {@link #positionAtEnd}. */
    public record Seen(Map<UUID, Long> commitMicros, Map<UUID, Long> alertMicros) {
    }

    public AlertWatch(String bootstrapServers, String transactionsTopic, String alertsTopic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.putAll(TopicReader.FETCH_SETTINGS);
        consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        transactions = new TopicPartition(transactionsTopic, 0);
        alerts = new TopicPartition(alertsTopic, 0);
    }

    public void positionAtEnd() {
        List<TopicPartition> partitions = List.of(transactions, alerts);
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /**
     * Reads both topics while the writer writes ({@code flagged}, the ids of its flagged rows, stays null until it has
     * finished), then until {@code done} holds for what was seen or {@code timeout} has passed.
     */
    public Seen watch(AtomicReference<List<UUID>> flagged, Predicate<Seen> done, Duration timeout) {
        Seen seen = new Seen(new HashMap<>(), new HashMap<>());
        long deadline = Long.MAX_VALUE;
        while (System.nanoTime() < deadline) {
            var records = consumer.poll(POLL);
            long receivedMicros = Clock.nowMicros();
            for (ConsumerRecord<byte[], byte[]> record : records) {
                if (record.value() == null) {
                    continue;
                }
                JsonNode value = parse(record.value());
                if (record.topic().equals(alerts.topic())) {
                    seen.alertMicros().putIfAbsent(UUID.fromString(value.path("transactionId").asText()), receivedMicros);
                } else if (value.path("after").hasNonNull("id")) {
                    JsonNode source = value.path("source");
                    long commit = source.has("ts_us") ? source.path("ts_us").asLong() : source.path("ts_ms").asLong() * 1000;
                    seen.commitMicros().put(UUID.fromString(value.path("after").path("id").asText()), commit);
                }
            }
            if (flagged.get() != null) {
                if (done.test(seen)) {
                    break;
                }
                deadline = Math.min(deadline, System.nanoTime() + timeout.toNanos());
            }
        }
        return seen;
    }

    private static JsonNode parse(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + new String(value, StandardCharsets.UTF_8), e);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
