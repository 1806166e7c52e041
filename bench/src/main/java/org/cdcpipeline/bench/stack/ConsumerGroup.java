package org.cdcpipeline.bench.stack;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** A consumer group seen from outside, through Kafka's Admin API: where it stands on a one-partition topic. */
public final class ConsumerGroup implements AutoCloseable {

    private final Admin admin;
    private final String group;

    public ConsumerGroup(String bootstrapServers, String group) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.group = group;
    }

    public String name() {
        return group;
    }

    /**
     * Sets the group's committed offset, so that its next consumer starts there. Kafka refuses while the group has
     * members: it is retried until a consumer that was just stopped has left.
     */
    public void seek(String topic, long offset, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                admin.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(offset))).all().get();
                return;
            } catch (ExecutionException stillActive) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not set the offset of consumer group " + group + " on " + topic, stillActive.getCause());
                }
                Thread.sleep(200);
            }
        }
    }

    /** The group's committed offset on the topic, or -1 when it has none. */
    public long committed(String topic) throws ExecutionException, InterruptedException {
        OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                .get(new TopicPartition(topic, 0));
        return committed == null ? -1 : committed.offset();
    }

    @Override
    public void close() {
        admin.close();
    }
}
