package org.cdcpipeline.bench.load;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The rows the benchmark writes: card payments of one account at one merchant, distinct ids and amounts.
 * Every row is a full-width transaction as the transaction-writer stores it, so each change event has a real size.
 */
public final class BankRows {

    static final UUID ACCOUNT = UUID.fromString("b0000000-0000-4000-8000-000000000001");
    static final UUID MERCHANT = UUID.fromString("b1000000-0000-4000-8000-000000000001");
    static final String COLUMNS = "id, account_id, merchant_id, type, amount, currency, status, channel, country";

    private BankRows() {
    }

    /** The account and merchant every transaction refers to; written before the connectors' snapshot. */
    public static void writeReferenceData(Connection connection) throws SQLException {
        try (PreparedStatement account = connection.prepareStatement(
                "INSERT INTO accounts (id, owner_name, iban, home_country, currency) VALUES (?, 'Bench Account', 'FR7630006000011234567890189', 'FR', 'EUR')");
             PreparedStatement merchant = connection.prepareStatement(
                "INSERT INTO merchants (id, name, category, mcc, country) VALUES (?, 'Bench Merchant', 'GROCERY', '5411', 'FR')")) {
            account.setObject(1, ACCOUNT);
            account.executeUpdate();
            merchant.setObject(1, MERCHANT);
            merchant.executeUpdate();
        }
    }

    /** A distinct id per sequence number (a version-4 shaped UUID), cheaper than SecureRandom for a million rows. */
    static UUID id(long runMarker, long sequence) {
        return new UUID(runMarker & 0xFFFFFFFFFFFF0FFFL | 0x4000L, sequence & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L);
    }

    /** An amount between 1.00 and 999.99 that varies from row to row: money as an exact decimal. */
    static BigDecimal amount(long sequence) {
        return BigDecimal.valueOf(100 + sequence % 99_900, 2);
    }
}
