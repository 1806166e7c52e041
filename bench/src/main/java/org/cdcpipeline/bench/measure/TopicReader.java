package org.cdcpipeline.bench.measure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The benchmark's Kafka consumer: counts a backlog as it drains, or records the commit → receive latency of every
 * event. Partitions are assigned (no consumer group) and read from their end at the start of each measurement.
 */
public final class TopicReader implements AutoCloseable {

    /**
     * Consumer settings: large fetches and polls so the consumer never limits a drain; fetch.min.bytes=1 (the default)
     * keeps latency low because the broker answers as soon as one record is there.
     */
    public static final Map<String, Object> FETCH_SETTINGS = Map.of(
            ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000,
            ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024,
            ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024,
            ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1,
            ConsumerConfig.RECEIVE_BUFFER_CONFIG, 1024 * 1024);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(100);

    private final KafkaConsumer<byte[], byte[]> consumer;

    public TopicReader(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.putAll(FETCH_SETTINGS);
        // Bytes only: a drain counts events, it does not parse them.
        consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** When the first and the last of the expected events arrived (System.nanoTime). */
    public record Drain(long firstNanos, long lastNanos, long received) {
    }

    /** The offset the next event on the topic will get. */
    public long endOffset(String topic) {
        TopicPartition partition = new TopicPartition(topic, 0);
        return consumer.endOffsets(List.of(partition)).get(partition);
    }

    /** Reads the topic from {@code offset} until {@code expected} events arrived. */
    public Drain drain(String topic, long offset, long expected, Duration timeout) {
        TopicPartition partition = new TopicPartition(topic, 0);
        consumer.assign(List.of(partition));
        consumer.seek(partition, offset);
        long deadline = System.nanoTime() + timeout.toNanos();
        long received = 0;
        long first = 0;
        long last = 0;
        while (received < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + received + " of " + expected + " events arrived on " + topic + " within " + timeout);
            }
            ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
            if (!records.isEmpty()) {
                last = System.nanoTime();
                if (received == 0) {
                    first = last;
                }
                received += records.count();
            }
        }
        return new Drain(first, last, received);
    }

    public void positionAtEnd(List<String> topics) {
        List<TopicPartition> partitions = topics.stream().map(topic -> new TopicPartition(topic, 0)).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /**
     * Records the latency of every event on the topics while the writer runs and afterwards, until each topic has
     * received the count the writer committed ({@code committed} stays negative while it writes) or {@code drainTimeout}
     * passed after the writer finished. Latency = receive time − the transaction's commit time ({@code source.ts_us},
     * which Debezium takes from the commit record PostgreSQL decodes; same host, same clock).
     */
    public Map<String, Latencies> latencies(List<String> topics, AtomicLong committed, Duration drainTimeout) {
        Map<String, LongList> byTopic = new HashMap<>();
        topics.forEach(topic -> byTopic.put(topic, new LongList()));
        long deadline = Long.MAX_VALUE;
        while (System.nanoTime() < deadline) {
            ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
            long receivedMicros = Clock.nowMicros();
            for (ConsumerRecord<byte[], byte[]> record : records) {
                byTopic.get(record.topic()).add(receivedMicros - commitMicros(record.value()));
            }
            long expected = committed.get();
            if (expected >= 0) {
                if (byTopic.values().stream().allMatch(values -> values.size() >= expected)) {
                    break;
                }
                deadline = Math.min(deadline, System.nanoTime() + drainTimeout.toNanos());
            }
        }
        Map<String, Latencies> result = new HashMap<>();
        byTopic.forEach((topic, values) -> result.put(topic, new Latencies(values.toArray())));
        return result;
    }

    static long commitMicros(byte[] value) {
        try {
            JsonNode source = JSON.readTree(value).path("source");
            return source.has("ts_us") ? source.path("ts_us").asLong() : source.path("ts_ms").asLong() * 1000;
        } catch (IOException e) {
            throw new IllegalStateException("not a Debezium change event: " + new String(value, StandardCharsets.UTF_8), e);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }

    /** A growable array of longs: a million boxed Longs would cost more than the events themselves. */
    private static final class LongList {
        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int size() {
            return size;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
