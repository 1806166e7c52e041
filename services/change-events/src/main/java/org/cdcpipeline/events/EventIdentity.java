package org.cdcpipeline.events;

import java.util.UUID;

/**
 * What makes a change event unique, for de-duplicating the redeliveries of an at-least-once
 * pipeline. The LSN alone is not enough: all rows of a snapshot share one.
 *
 * @param table {@code schema.table}
 * @param key the row's primary key; null only for a truncate, which has no row
 */
public record EventIdentity(long lsn, Long txId, String table, String key, Operation op) {

    private static final String ABSENT = "-";

    /**
     * @param key the record key, as {@link ChangeEventParser#parseKey(byte[])} returns it
     * @throws MalformedChangeEventException if the key is null for an event about a row
     */
    public static EventIdentity of(ChangeEvent<?> event, UUID key) {
        if (key == null && event.op() != Operation.TRUNCATE) {
            throw new MalformedChangeEventException("key: missing for op '" + event.op().code() + "'");
        }
        Source source = event.source();
        return new EventIdentity(
                source.lsn(),
                source.txId(),
                source.qualifiedTable(),
                key == null ? null : key.toString(),
                event.op());
    }

    /** {@code lsn:txId:schema.table:key:op}, with {@code -} for an absent txId or key. */
    public String value() {
        return lsn + ":" + orAbsent(txId) + ":" + table + ":" + orAbsent(key) + ":" + op.code();
    }

    private static String orAbsent(Object part) {
        return part == null ? ABSENT : part.toString();
    }
}
