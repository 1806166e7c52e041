package org.cdcpipeline.embedded.postgres;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to run the local PostgreSQL server.
 *
 * @param stateDirectory     where the server keeps its data between runs
 * @param port               TCP port on 127.0.0.1 (no Unix socket is opened)
 * @param superuser          name of the superuser created by initdb
 * @param superuserPassword  its password
 * @param serverSettings     postgresql.conf settings applied at every start, over the defaults below
 */
public record PostgresSettings(Path stateDirectory, int port, String superuser, String superuserPassword,
                               Map<String, String> serverSettings) {

    /** What logical decoding needs, and nothing else changed from PostgreSQL's defaults. */
    public static final Map<String, String> LOGICAL_REPLICATION = Map.of(
            "wal_level", "logical",
            "max_wal_senders", "10",
            "max_replication_slots", "10");

    /**
     * For bulk loads and benchmarks: a larger max_wal_size and checkpoint_timeout keep checkpoints (and the full-page
     * writes after each) out of the load. Durability is untouched: fsync and synchronous_commit stay on.
     */
    public static final Map<String, String> WAL_TUNING = Map.of(
            "max_wal_size", "'4GB'",
            "checkpoint_timeout", "'30min'",
            "shared_buffers", "'256MB'",
            "wal_buffers", "'16MB'");

    public PostgresSettings {
        serverSettings = Map.copyOf(serverSettings);
    }

    public static PostgresSettings of(Path stateDirectory, int port, String superuser, String superuserPassword) {
        return new PostgresSettings(stateDirectory, port, superuser, superuserPassword, LOGICAL_REPLICATION);
    }

    /** The same settings with some server settings overridden, e.g. {@code wal_level=replica}. */
    public PostgresSettings withServerSettings(Map<String, String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>(serverSettings);
        merged.putAll(overrides);
        return new PostgresSettings(stateDirectory, port, superuser, superuserPassword, merged);
    }
}
