package org.cdcpipeline.events;

import java.time.Instant;

/**
 * The envelope's {@code source} block: where and when the change happened.
 *
 * @param connectorVersion the Debezium version that emitted the event, e.g. {@code 3.5.0.Final}
 * @param name the connector's logical name, which is also its topic prefix ({@code bank})
 * @param lsn the change's position in the PostgreSQL write-ahead log; all rows of one snapshot share it
 * @param txId the PostgreSQL transaction id; Debezium may leave it null
 * @param committedAt when the change was committed in the database ({@code source.ts_ms})
 * @param snapshot whether a snapshot, not the write-ahead log, produced the event
 */
public record Source(
        String connectorVersion,
        String name,
        String db,
        String schema,
        String table,
        long lsn,
        Long txId,
        Instant committedAt,
        boolean snapshot) {

    /** {@code schema.table}, e.g. {@code public.transactions}. */
    public String qualifiedTable() {
        return schema + "." + table;
    }
}
