package org.cdcpipeline.events;

import java.time.Instant;

/**
 * One Debezium change event for a row of type {@code R}.
 *
 * @param before the row before the change: set for updates and deletes (the tables have REPLICA
 *     IDENTITY FULL), null for creates, snapshot reads and truncates
 * @param after the row after the change: set for creates, updates and snapshot reads
 * @param emittedAt when Debezium processed the event (the envelope's {@code ts_ms}), as opposed
 *     to {@link Source#committedAt()}
 */
public record ChangeEvent<R>(Operation op, R before, R after, Source source, Instant emittedAt) {

    /**
     * The row the event is about: its new state, or its last state for a delete.
     *
     * @throws IllegalStateException for a truncate, which concerns the whole table and carries no row
     */
    public R row() {
        return switch (op) {
            case DELETE -> before;
            case TRUNCATE -> throw new IllegalStateException("a truncate event carries no row");
            case CREATE, UPDATE, READ -> after;
        };
    }

    public boolean isSnapshot() {
        return source.snapshot();
    }
}
