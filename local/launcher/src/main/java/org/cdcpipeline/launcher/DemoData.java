package org.cdcpipeline.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.cdcpipeline.embedded.StartupException;

/**
 * A few accounts, merchants and transactions written on the first start, before Debezium's first snapshot,
 * so a newcomer sees change events at once. Later starts find the accounts and add nothing.
 */
final class DemoData {

    static final int ACCOUNTS = 3;
    static final int MERCHANTS = 3;
    static final int TRANSACTIONS = 5;

    private DemoData() {
    }

    /** @return whether rows were written (false when the database already had accounts) */
    static boolean writeIfEmpty(String jdbcUrl, String user, String password) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
            try (Statement statement = connection.createStatement(); ResultSet count = statement.executeQuery("SELECT count(*) FROM accounts")) {
                count.next();
                if (count.getLong(1) > 0) {
                    return false;
                }
            }
            connection.setAutoCommit(false);
            insert(connection, "INSERT INTO accounts (id, owner_name, iban, home_country, currency) VALUES (?::uuid, ?, ?, ?, ?)",
                    new Object[][] {
                            {"a0000000-0000-4000-8000-000000000001", "Ada Lovelace", "GB33BUKB20201555555555", "GB", "GBP"},
                            {"a0000000-0000-4000-8000-000000000002", "Jean Dupont", "FR1420041010050500013M02606", "FR", "EUR"},
                            {"a0000000-0000-4000-8000-000000000003", "Erika Mustermann", "DE89370400440532013000", "DE", "EUR"}});
            insert(connection, "INSERT INTO merchants (id, name, category, mcc, country) VALUES (?::uuid, ?, ?, ?, ?)",
                    new Object[][] {
                            {"b0000000-0000-4000-8000-000000000001", "Corner Grocery", "Grocery stores", "5411", "GB"},
                            {"b0000000-0000-4000-8000-000000000002", "Air Lumière", "Airlines", "4511", "FR"},
                            {"b0000000-0000-4000-8000-000000000003", "Elektro Haus", "Electronics stores", "5732", "DE"}});
            insert(connection, "INSERT INTO transactions (id, account_id, merchant_id, type, amount, currency, status, decline_reason, channel, country) "
                            + "VALUES (?::uuid, ?::uuid, ?::uuid, ?, ?::numeric, ?, ?, ?, ?, ?)",
                    new Object[][] {
                            {"c0000000-0000-4000-8000-000000000001", "a0000000-0000-4000-8000-000000000001", "b0000000-0000-4000-8000-000000000001",
                                    "CARD_PAYMENT", "42.1700", "GBP", "SETTLED", null, "POS", "GB"},
                            {"c0000000-0000-4000-8000-000000000002", "a0000000-0000-4000-8000-000000000002", "b0000000-0000-4000-8000-000000000002",
                                    "CARD_PAYMENT", "1289.0000", "EUR", "AUTHORIZED", null, "ONLINE", "FR"},
                            {"c0000000-0000-4000-8000-000000000003", "a0000000-0000-4000-8000-000000000003", "b0000000-0000-4000-8000-000000000003",
                                    "CARD_PAYMENT", "14999.0000", "EUR", "PENDING", null, "ONLINE", "DE"},
                            {"c0000000-0000-4000-8000-000000000004", "a0000000-0000-4000-8000-000000000003", null,
                                    "WITHDRAWAL", "200.0000", "EUR", "DECLINED", "INSUFFICIENT_FUNDS", "ATM", "ES"},
                            {"c0000000-0000-4000-8000-000000000005", "a0000000-0000-4000-8000-000000000001", null,
                                    "DEPOSIT", "2500.0000", "GBP", "SETTLED", null, "MOBILE", "GB"}});
            connection.commit();
            return true;
        } catch (SQLException e) {
            throw new StartupException("Could not write the demo data: " + e.getMessage(), e);
        }
    }

    private static void insert(Connection connection, String sql, Object[][] rows) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    statement.setObject(i + 1, row[i]);
                }
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }
}
