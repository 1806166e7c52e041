package org.cdcpipeline.bench.measure;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.postgresql.PGConnection;
import org.postgresql.PGProperty;
import org.postgresql.replication.PGReplicationStream;

/**
 * The limit: PostgreSQL's own logical decoding of the same rows, read with PgJDBC's replication API from a slot of
 * its own with the same plugin ({@code pgoutput}) and publication as Debezium. It only counts the decoded inserts:
 * what the server can decode and send, with no conversion, serialisation or Kafka behind it.
 */
public final class LogicalDecodingReader {

    public static final String SLOT = "bench_decoding";
    private static final byte INSERT = 'I';

    private final String jdbcUrl;
    private final String user;
    private final String password;

    public LogicalDecodingReader(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /** Creates the slot; the rows written afterwards are the ones {@link #read} decodes. */
    public void createSlot() throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password); Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_create_logical_replication_slot('" + SLOT + "', 'pgoutput')");
        }
    }

    /** @return nanoseconds from opening the stream until {@code expectedInserts} inserts were decoded */
    public long read(long expectedInserts, String publication, Duration timeout) throws SQLException, InterruptedException {
        Properties properties = new Properties();
        PGProperty.USER.set(properties, user);
        PGProperty.PASSWORD.set(properties, password);
        PGProperty.ASSUME_MIN_SERVER_VERSION.set(properties, "10");
        PGProperty.REPLICATION.set(properties, "database");
        PGProperty.PREFER_QUERY_MODE.set(properties, "simple");
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, properties);
             PGReplicationStream stream = connection.unwrap(PGConnection.class).getReplicationAPI().replicationStream().logical()
                     .withSlotName(SLOT)
                     .withSlotOption("proto_version", 1)
                     .withSlotOption("publication_names", publication)
                     .withStatusInterval(10, TimeUnit.SECONDS)
                     .start()) {
            long inserts = 0;
            while (inserts < expectedInserts) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("logical decoding delivered " + inserts + " of " + expectedInserts + " inserts within " + timeout);
                }
                ByteBuffer message = stream.readPending();
                if (message == null) {
                    Thread.sleep(1);
                    continue;
                }
                if (message.get(message.position()) == INSERT) {
                    inserts++;
                }
            }
            return System.nanoTime() - started;
        }
    }

    public void dropSlot() throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password); Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_drop_replication_slot('" + SLOT + "')");
        }
    }
}
