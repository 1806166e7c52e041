package org.cdcpipeline.events;

/** What a Kafka record value holds: a change event, or the tombstone that follows a delete. */
public sealed interface ParsedRecord<R> {

    record Event<R>(ChangeEvent<R> event) implements ParsedRecord<R> {}

    /** A null value: it only lets log compaction drop the deleted row's key, there is nothing to process. */
    record Tombstone<R>() implements ParsedRecord<R> {}
}
