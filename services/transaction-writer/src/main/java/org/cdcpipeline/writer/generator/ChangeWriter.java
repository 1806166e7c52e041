package org.cdcpipeline.writer.generator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.cdcpipeline.writer.domain.TransactionMetrics;
import org.cdcpipeline.writer.domain.TransactionMetrics.Source;
import org.cdcpipeline.writer.generator.GeneratedChange.Insert;
import org.cdcpipeline.writer.generator.GeneratedChange.Removal;
import org.cdcpipeline.writer.generator.GeneratedChange.StatusChange;

/**
 * Writes generated rows with plain JDBC batches, one database transaction per call. Every statement is idempotent
 * (ON CONFLICT DO NOTHING, updates and deletes guarded by the expected status), so replaying a seed on a database that
 * already holds its rows changes nothing instead of failing.
 */
@ApplicationScoped
public class ChangeWriter {

    /** What one call changed. */
    public record Written(long created, long updated, long deleted) {
    }

    private static final String INSERT_ACCOUNT = """
            INSERT INTO accounts (id, owner_name, iban, home_country, currency) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""";
    private static final String INSERT_MERCHANT = """
            INSERT INTO merchants (id, name, category, mcc, country) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""";
    private static final String INSERT_TRANSACTION = """
            INSERT INTO transactions (id, account_id, merchant_id, type, amount, currency, status, channel, country)
            VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?) ON CONFLICT DO NOTHING""";
    private static final String UPDATE_STATUS = """
            UPDATE transactions SET status = ?, decline_reason = ?, updated_at = now(), version = version + 1
            WHERE id = ? AND status = ?""";
    private static final String DELETE = "DELETE FROM transactions WHERE id = ? AND status = ?";

    private final AgroalDataSource dataSource;
    private final TransactionMetrics metrics;

    ChangeWriter(AgroalDataSource dataSource, TransactionMetrics metrics) {
        this.dataSource = dataSource;
        this.metrics = metrics;
    }

    public void writePopulation(Population population) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement accounts = connection.prepareStatement(INSERT_ACCOUNT);
                 PreparedStatement merchants = connection.prepareStatement(INSERT_MERCHANT)) {
                for (GeneratedAccount account : population.accounts()) {
                    accounts.setObject(1, account.id());
                    accounts.setString(2, account.ownerName());
                    accounts.setString(3, account.iban());
                    accounts.setString(4, account.homeCountry());
                    accounts.setString(5, account.currency());
                    accounts.addBatch();
                }
                for (GeneratedMerchant merchant : population.merchants()) {
                    merchants.setObject(1, merchant.id());
                    merchants.setString(2, merchant.name());
                    merchants.setString(3, merchant.category().name());
                    merchants.setString(4, merchant.category().mcc());
                    merchants.setString(5, merchant.country());
                    merchants.addBatch();
                }
                accounts.executeBatch();
                merchants.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
            refreshStatistics(connection);
        }
    }

    /**
     * Every generated transaction references the population: its foreign-key checks are planned from statistics that
     * must count these rows, or each check becomes a sequential scan (see V3__refresh_population_statistics.sql).
     */
    private static void refreshStatistics(Connection connection) throws SQLException {
        try (Statement analyze = connection.createStatement()) {
            analyze.execute("SELECT refresh_population_statistics()");
            connection.commit();
        }
    }

    /** Applies the changes in order: inserts, then status changes, then deletions (a step never precedes its row). */
    public Written write(List<GeneratedChange> changes, Source source) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement inserts = connection.prepareStatement(INSERT_TRANSACTION);
                 PreparedStatement updates = connection.prepareStatement(UPDATE_STATUS);
                 PreparedStatement deletes = connection.prepareStatement(DELETE)) {
                for (GeneratedChange change : changes) {
                    switch (change) {
                        case Insert insert -> addInsert(inserts, insert.transaction());
                        case StatusChange update -> {
                            updates.setString(1, update.to().name());
                            updates.setString(2, update.reason() == null ? null : update.reason().name());
                            updates.setObject(3, update.transactionId());
                            updates.setString(4, update.from().name());
                            updates.addBatch();
                        }
                        case Removal removal -> {
                            deletes.setObject(1, removal.transactionId());
                            deletes.setString(2, removal.status().name());
                            deletes.addBatch();
                        }
                    }
                }
                Written written = new Written(sum(inserts.executeBatch()), sum(updates.executeBatch()), sum(deletes.executeBatch()));
                connection.commit();
                metrics.created(source, written.created());
                metrics.updated(source, written.updated());
                metrics.deleted(source, written.deleted());
                return written;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static void addInsert(PreparedStatement inserts, GeneratedTransaction transaction) throws SQLException {
        inserts.setObject(1, transaction.id());
        inserts.setObject(2, transaction.accountId());
        inserts.setObject(3, transaction.merchantId());
        inserts.setString(4, transaction.type().name());
        inserts.setBigDecimal(5, transaction.amount());
        inserts.setString(6, transaction.currency());
        inserts.setString(7, transaction.channel().name());
        inserts.setString(8, transaction.country());
        inserts.addBatch();
    }

    private static long sum(int[] counts) {
        return Arrays.stream(counts).filter(count -> count > 0).sum();
    }
}
