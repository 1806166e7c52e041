package org.cdcpipeline.bench.load;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/** Loads N transactions with PgJDBC's COPY, committing every {@code rowsPerCommit} rows. */
public final class BulkLoader {

    private final String jdbcUrl;
    private final String user;
    private final String password;

    public BulkLoader(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /** @return the load's duration in nanoseconds */
    public long load(long rows, int rowsPerCommit) throws SQLException, IOException {
        long runMarker = System.nanoTime();
        long started = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
            connection.setAutoCommit(false);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder batch = new StringBuilder(rowsPerCommit * 160);
            for (long sequence = 0; sequence < rows; ) {
                batch.setLength(0);
                long end = Math.min(rows, sequence + rowsPerCommit);
                for (; sequence < end; sequence++) {
                    batch.append(BankRows.id(runMarker, sequence)).append(',').append(BankRows.account(sequence)).append(',').append(BankRows.MERCHANT)
                            .append(",CARD_PAYMENT,").append(BankRows.amount(sequence).toPlainString()).append(",EUR,SETTLED,POS,FR\n");
                }
                copy.copyIn("COPY transactions (" + BankRows.COLUMNS + ") FROM STDIN (FORMAT csv)", new StringReader(batch.toString()));
                connection.commit();
            }
        }
        return System.nanoTime() - started;
    }
}
