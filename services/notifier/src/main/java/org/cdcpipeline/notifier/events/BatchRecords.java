package org.cdcpipeline.notifier.events;

import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/** The records of one poll, as a channel with {@code batch=true} delivers them. */
final class BatchRecords {

    private BatchRecords() {
    }

    /** In the order of their partitions, with their offsets (which a {@code KafkaRecord} of the batch does not carry). */
    @SuppressWarnings("unchecked")
    static ConsumerRecords<byte[], byte[]> of(KafkaRecordBatch<byte[], byte[]> batch) {
        return batch.getMetadata(IncomingKafkaRecordBatchMetadata.class).orElseThrow().getRecords();
    }
}
