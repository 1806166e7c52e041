package org.cdcpipeline.notifier.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;

/**
 * The table {@code notifier.account_activity}: the transactions seen per account, in the order they were recorded, for
 * the velocity rule. Keyed by transaction, so a redelivered event is counted once.
 */
@ApplicationScoped
public class AccountActivity {

    /** A new transaction of an account, at the time it happened. */
    public record Transaction(UUID transactionId, UUID accountId, Instant occurredAt) {}

    private final AgroalDataSource dataSource;

    AccountActivity(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Records the transactions in this order (each once, however often it is delivered) and counts, for each, its
     * account's transactions within {@code window} up to it that were recorded up to it, itself included. So the
     * transactions of one batch count one after the other even when they share a timestamp (rows written by one
     * database transaction do), and a transaction delivered again gets the count it got the first time.
     *
     * @return one count per transaction, in the same order
     */
    @Transactional
    public List<Integer> recordAndCountRecent(List<Transaction> transactions, Duration window) {
        if (transactions.isEmpty()) {
            return List.of();
        }
        try (Connection connection = dataSource.getConnection()) {
            insertMissing(connection, transactions);
            return countRecent(connection, transactions, window);
        } catch (SQLException e) {
            throw new StoreException("could not record account activity", e);
        }
    }

    /** One statement for the batch; ORDER BY gives the rows their recording order in the batch's order. */
    private static void insertMissing(Connection connection, List<Transaction> transactions) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO notifier.account_activity (transaction_id, account_id, occurred_at)
                SELECT transaction_id, account_id, occurred_at
                FROM unnest(?::uuid[], ?::uuid[], ?::timestamptz[]) WITH ORDINALITY AS t(transaction_id, account_id, occurred_at, position)
                ORDER BY position
                ON CONFLICT (transaction_id) DO NOTHING""")) {
            insert.setArray(1, connection.createArrayOf("uuid", transactions.stream().map(Transaction::transactionId).toArray()));
            insert.setArray(2, connection.createArrayOf("uuid", transactions.stream().map(Transaction::accountId).toArray()));
            // ISO-8601 text, which PostgreSQL reads as timestamptz whatever the session's time zone.
            insert.setArray(3, connection.createArrayOf("text", transactions.stream().map(t -> t.occurredAt().toString()).toArray()));
            insert.executeUpdate();
        }
    }

    /**
     * Deletes the rows no velocity window can reach any more: those older than {@code retention} before the newest row,
     * or before now if the newest is stamped in the future (so one event with a wrong clock cannot empty the table).
     * Measured from the newest row, not the clock, so a backlog consumed after downtime keeps the rows its windows need.
     * A transaction delivered again after its row was deleted finds none of its window either, so it can only count
     * lower than the first time: it never raises an alert it did not raise then.
     *
     * @return the number of rows deleted
     */
    @Transactional
    public int purgeOlderThan(Duration retention) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement purge = connection.prepareStatement("""
                DELETE FROM notifier.account_activity
                WHERE occurred_at < least(now(), (SELECT max(occurred_at) FROM notifier.account_activity))
                                    - ? * interval '1 microsecond'""")) {
            purge.setLong(1, retention.dividedBy(ChronoUnit.MICROS.getDuration()));
            return purge.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("could not purge account activity", e);
        }
    }

    private static List<Integer> countRecent(Connection connection, List<Transaction> transactions, Duration window)
            throws SQLException {
        Integer[] counts = new Integer[transactions.size()];
        try (PreparedStatement count = connection.prepareStatement("""
                SELECT t.position, count(*)
                FROM unnest(?::uuid[]) WITH ORDINALITY AS t(transaction_id, position)
                JOIN notifier.account_activity own ON own.transaction_id = t.transaction_id
                JOIN notifier.account_activity earlier ON earlier.account_id = own.account_id
                    AND earlier.occurred_at > own.occurred_at - ? * interval '1 microsecond'
                    AND earlier.occurred_at <= own.occurred_at
                    AND earlier.recording_order <= own.recording_order
                GROUP BY t.position""")) {
            count.setArray(1, connection.createArrayOf("uuid", transactions.stream().map(Transaction::transactionId).toArray()));
            count.setLong(2, window.dividedBy(ChronoUnit.MICROS.getDuration()));
            try (ResultSet rows = count.executeQuery()) {
                while (rows.next()) {
                    counts[rows.getInt(1) - 1] = rows.getInt(2);
                }
            }
        }
        return Arrays.asList(counts);
    }
}
