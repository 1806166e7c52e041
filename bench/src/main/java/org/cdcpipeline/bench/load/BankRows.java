package org.cdcpipeline.bench.load;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The rows the benchmark writes: card payments at one merchant, spread over {@value #ACCOUNTS} accounts, with distinct
 * ids and amounts. Every row is a full-width transaction as the transaction-writer stores it, so each change event has
 * a real size. Spreading the rows over accounts keeps the notifier's per-account bookkeeping (its velocity window) at
 * the size a bank's traffic gives it, rather than one account with every transaction.
 */
public final class BankRows {

    static final int ACCOUNTS = 1_000;
    static final UUID MERCHANT = UUID.fromString("b1000000-0000-4000-8000-000000000001");
    static final String COLUMNS = "id, account_id, merchant_id, type, amount, currency, status, channel, country";
    /** Above the notifier's large-amount threshold for EUR (10,000): the rows the benchmark wants flagged. */
    static final BigDecimal LARGE_AMOUNT = new BigDecimal("12345.67");

    private static final UUID[] ACCOUNT_IDS = new UUID[ACCOUNTS];

    static {
        for (int k = 0; k < ACCOUNTS; k++) {
            ACCOUNT_IDS[k] = new UUID(0xb000000000004000L, 0x8000000000000000L | k);
        }
    }

    private BankRows() {
    }

    /** The accounts and the merchant every transaction refers to; written before the connectors' snapshot. */
    public static void writeReferenceData(Connection connection) throws SQLException {
        try (PreparedStatement account = connection.prepareStatement(
                "INSERT INTO accounts (id, owner_name, iban, home_country, currency) VALUES (?, ?, ?, 'FR', 'EUR')");
             PreparedStatement merchant = connection.prepareStatement(
                "INSERT INTO merchants (id, name, category, mcc, country) VALUES (?, 'Bench Merchant', 'GROCERY', '5411', 'FR')")) {
            for (int k = 0; k < ACCOUNTS; k++) {
                account.setObject(1, ACCOUNT_IDS[k]);
                account.setString(2, "Bench Account " + k);
                account.setString(3, String.format("FR76%023d", k));
                account.addBatch();
            }
            account.executeBatch();
            merchant.setObject(1, MERCHANT);
            merchant.executeUpdate();
        }
    }

    /** The account of the row with this sequence number: the accounts take turns. */
    static UUID account(long sequence) {
        return ACCOUNT_IDS[(int) (sequence % ACCOUNTS)];
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
