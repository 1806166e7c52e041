package org.cdcpipeline.bench.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Commits one row per transaction at a fixed rate. Commit i is due at {@code start + i / rate}; the writers take
 * turns (writer k commits i = k, k + W, k + 2W, …), each on its own connection, so a slow commit delays only its own
 * writer. A writer behind schedule commits at once without skipping, so the achieved rate shows when PostgreSQL
 * cannot keep up. Optionally every n-th row carries a large amount, which the notifier's large-amount rule flags.
 */
public final class PacedWriter {

    private static final String INSERT = "INSERT INTO transactions (" + BankRows.COLUMNS
            + ") VALUES (?, ?, ?, 'CARD_PAYMENT', ?, 'EUR', 'SETTLED', 'ONLINE', 'FR')";

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final int writers;

    public PacedWriter(String jdbcUrl, String user, String password, int writers) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.writers = writers;
    }

    /**
     * What one paced run did.
     *
     * @param flagged the ids of the committed rows with a large amount
     */
    public record Run(long committed, long elapsedNanos, double achievedPerSecond, List<UUID> flagged) {
    }

    public Run run(int ratePerSecond, double seconds) throws Exception {
        return run(ratePerSecond, seconds, 0);
    }

    /** @param flagEvery every how many rows one has a large amount (row n - 1, 2n - 1, …); 0 for none */
    public Run run(int ratePerSecond, double seconds, long flagEvery) throws Exception {
        long total = Math.round(ratePerSecond * seconds);
        double periodNanos = 1e9 / ratePerSecond;
        long runMarker = System.nanoTime();
        AtomicLong lastCommit = new AtomicLong();
        Queue<UUID> flagged = new ConcurrentLinkedQueue<>();
        List<Connection> connections = new ArrayList<>();
        for (int k = 0; k < writers; k++) {
            Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
            connection.setAutoCommit(true);
            connections.add(connection);
        }
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            long start = System.nanoTime() + 20_000_000;
            List<Future<Long>> results = new ArrayList<>();
            for (int k = 0; k < writers; k++) {
                int writer = k;
                results.add(pool.submit(() -> commitTurns(connections.get(writer), writer, total, start, periodNanos, runMarker, lastCommit,
                        flagEvery, flagged)));
            }
            long committed = 0;
            for (Future<Long> result : results) {
                committed += result.get();
            }
            long elapsed = lastCommit.get() - start;
            return new Run(committed, elapsed, committed * 1e9 / Math.max(1, elapsed), List.copyOf(flagged));
        } finally {
            pool.shutdownNow();
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    private long commitTurns(Connection connection, int writer, long total, long start, double periodNanos, long runMarker,
                             AtomicLong lastCommit, long flagEvery, Queue<UUID> flagged) throws SQLException {
        long committed = 0;
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(3, BankRows.MERCHANT);
            for (long i = writer; i < total; i += writers) {
                long due = start + (long) (i * periodNanos);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                UUID id = BankRows.id(runMarker, i);
                boolean flag = flagEvery > 0 && (i + 1) % flagEvery == 0;
                insert.setObject(1, id);
                insert.setObject(2, BankRows.account(i));
                insert.setBigDecimal(4, flag ? BankRows.LARGE_AMOUNT : BankRows.amount(i));
                insert.executeUpdate();
                committed++;
                if (flag) {
                    flagged.add(id);
                }
                lastCommit.accumulateAndGet(System.nanoTime(), Math::max);
            }
        }
        return committed;
    }
}
