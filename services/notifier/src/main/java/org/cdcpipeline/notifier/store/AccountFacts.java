package org.cdcpipeline.notifier.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;

/**
 * What the notifier knows about accounts beyond one event: their home country (from {@code bank.public.accounts}) and
 * their recent transactions (for the velocity rule). Kept in the database so it survives restarts and a redelivered
 * event is not counted twice.
 */
@ApplicationScoped
public class AccountFacts {

    private final AgroalDataSource dataSource;

    AccountFacts(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional
    public void rememberHomeCountry(UUID accountId, String homeCountry) {
        execute("""
                INSERT INTO notifier.accounts (id, home_country) VALUES (?, ?)
                ON CONFLICT (id) DO UPDATE SET home_country = EXCLUDED.home_country, updated_at = now()""", accountId, homeCountry);
    }

    @Transactional
    public void forget(UUID accountId) {
        execute("DELETE FROM notifier.accounts WHERE id = ?", accountId);
    }

    @Transactional
    public Optional<String> homeCountry(UUID accountId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT home_country FROM notifier.accounts WHERE id = ?")) {
            select.setObject(1, accountId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("could not read an account", e);
        }
    }

    /**
     * Records a transaction of the account (once, however often its event is delivered) and counts the account's
     * transactions within {@code window} up to it, itself included.
     */
    @Transactional
    public int recordAndCountRecent(UUID transactionId, UUID accountId, Instant occurredAt, Duration window) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO notifier.account_activity (transaction_id, account_id, occurred_at) VALUES (?, ?, ?)
                    ON CONFLICT (transaction_id) DO NOTHING""")) {
                insert.setObject(1, transactionId);
                insert.setObject(2, accountId);
                insert.setTimestamp(3, Timestamp.from(occurredAt));
                insert.executeUpdate();
            }
            try (PreparedStatement count = connection.prepareStatement("""
                    SELECT count(*) FROM notifier.account_activity
                    WHERE account_id = ? AND occurred_at > ? AND occurred_at <= ?""")) {
                count.setObject(1, accountId);
                count.setTimestamp(2, Timestamp.from(occurredAt.minus(window)));
                count.setTimestamp(3, Timestamp.from(occurredAt));
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("could not record account activity", e);
        }
    }

    private void execute(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("could not update accounts", e);
        }
    }
}
