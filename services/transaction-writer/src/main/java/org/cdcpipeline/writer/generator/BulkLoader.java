package org.cdcpipeline.writer.generator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.cdcpipeline.writer.config.GeneratorConfig;
import org.cdcpipeline.writer.domain.DomainException;
import org.cdcpipeline.writer.domain.TransactionMetrics;
import org.cdcpipeline.writer.domain.TransactionMetrics.Source;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Loads generated transactions as fast as PostgreSQL takes them: one COPY ... FROM STDIN in one database transaction,
 * fed in chunks. Each row carries the final status of its planned lifecycle; deletions are not applied.
 */
@ApplicationScoped
public class BulkLoader {

    public record Loaded(long rows, long seed, double seconds, double rowsPerSecond) {
    }

    private static final String COPY = """
            COPY transactions (id, account_id, merchant_id, type, amount, currency, status, decline_reason, channel, country)
            FROM STDIN (FORMAT csv)""";
    private static final int CHUNK_BYTES = 1 << 20;
    private static final String UNIQUE_VIOLATION = "23505";

    private final AgroalDataSource dataSource;
    private final ChangeWriter writer;
    private final GeneratorConfig config;
    private final TransactionMetrics metrics;

    BulkLoader(AgroalDataSource dataSource, ChangeWriter writer, GeneratorConfig config, TransactionMetrics metrics) {
        this.dataSource = dataSource;
        this.writer = writer;
        this.config = config;
        this.metrics = metrics;
    }

    public Loaded load(long rows, long seed) throws SQLException {
        long startedAt = System.nanoTime();
        TransactionGenerator generator = new TransactionGenerator(seed, config.anomalyShare(), config.accounts(), config.merchants());
        writer.writePopulation(generator.population());
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
                ByteArrayOutputStream chunk = new ByteArrayOutputStream(CHUNK_BYTES + 512);
                StringBuilder line = new StringBuilder(256);
                for (long i = 0; i < rows; i++) {
                    line.setLength(0);
                    appendCsv(line, generator.nextTransaction());
                    chunk.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
                    if (chunk.size() >= CHUNK_BYTES) {
                        copy.writeToCopy(chunk.toByteArray(), 0, chunk.size());
                        chunk.reset();
                    }
                }
                copy.writeToCopy(chunk.toByteArray(), 0, chunk.size());
                copy.endCopy();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw DomainException.duplicate("seed", seed + " (its transactions are already loaded; use another seed)");
                }
                throw e;
            }
        }
        metrics.created(Source.BULK, rows);
        double seconds = (System.nanoTime() - startedAt) / 1e9;
        return new Loaded(rows, seed, seconds, rows / seconds);
    }

    /** Every value is an enum name, a code, a UUID or a number: nothing needs CSV quoting. */
    private static void appendCsv(StringBuilder line, GeneratedTransaction transaction) {
        line.append(transaction.id()).append(',')
                .append(transaction.accountId()).append(',')
                .append(transaction.merchantId() == null ? "" : transaction.merchantId()).append(',')
                .append(transaction.type()).append(',')
                .append(transaction.amount().toPlainString()).append(',')
                .append(transaction.currency()).append(',')
                .append(transaction.finalStatus()).append(',')
                .append(transaction.finalDeclineReason() == null ? "" : transaction.finalDeclineReason()).append(',')
                .append(transaction.channel()).append(',')
                .append(transaction.country()).append('\n');
    }
}
