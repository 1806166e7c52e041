package org.cdcpipeline.notifier;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Change events as Debezium's JSON converter writes them (schemas disabled, decimals as strings). */
public final class TestEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong LSN = new AtomicLong(24_000_000);

    private TestEvents() {
    }

    /** A transaction row; {@code amount} as Debezium sends it, e.g. {@code "12500.0000"}. */
    public record Transaction(UUID id, UUID accountId, UUID merchantId, String amount, String currency, String status,
            String declineReason, String country) {

        public static Transaction of(UUID accountId, String amount, String currency) {
            return new Transaction(UUID.randomUUID(), accountId, null, amount, currency, "PENDING", null, "NL");
        }

        public Transaction withMerchant(UUID merchant) {
            return new Transaction(id, accountId, merchant, amount, currency, status, declineReason, country);
        }
    }

    public static String key(UUID id) {
        return "{\"id\":\"" + id + "\"}";
    }

    /** A fresh position in the write-ahead log: each event gets its own, as in a real stream. */
    public static long nextLsn() {
        return LSN.incrementAndGet();
    }

    public static String created(Transaction tx, long lsn) {
        return envelope("c", null, row(tx), "transactions", lsn);
    }

    /** The event identity the notifier derives notification ids from, for an event written by {@link #created}. */
    public static String identity(Transaction tx, long lsn) {
        return lsn + ":" + txId(lsn) + ":public.transactions:" + tx.id() + ":c";
    }

    private static long txId(long lsn) {
        return lsn / 8;
    }

    public static String account(UUID id, String homeCountry) {
        return envelope("c", null, accountRow(id, homeCountry), "accounts", LSN.incrementAndGet());
    }

    public static String accountDeleted(UUID id, String homeCountry) {
        return envelope("d", accountRow(id, homeCountry), null, "accounts", LSN.incrementAndGet());
    }

    private static ObjectNode accountRow(UUID id, String homeCountry) {
        return JSON.createObjectNode()
                .put("id", id.toString()).put("owner_name", "Test Owner").put("iban", "NL91ABNA0417164300")
                .put("home_country", homeCountry).put("currency", "EUR").put("status", "ACTIVE")
                .put("created_at", Instant.now().toString()).put("updated_at", Instant.now().toString()).put("version", 0);
    }

    private static ObjectNode row(Transaction tx) {
        String now = Instant.now().toString();
        ObjectNode row = JSON.createObjectNode()
                .put("id", tx.id().toString())
                .put("account_id", tx.accountId().toString())
                .put("merchant_id", tx.merchantId() == null ? null : tx.merchantId().toString())
                .put("type", "CARD_PAYMENT")
                .put("amount", tx.amount())
                .put("currency", tx.currency())
                .put("status", tx.status())
                .put("decline_reason", tx.declineReason())
                .put("channel", "ONLINE")
                .put("country", tx.country())
                .put("created_at", now)
                .put("updated_at", now)
                .put("version", 0);
        return row;
    }

    private static String envelope(String op, ObjectNode before, ObjectNode after, String table, long lsn) {
        long now = System.currentTimeMillis();
        ObjectNode source = JSON.createObjectNode()
                .put("version", "3.5.0.Final").put("connector", "postgresql").put("name", "bank").put("ts_ms", now)
                .put("snapshot", "false").put("db", "bank").put("schema", "public").put("table", table)
                .put("txId", txId(lsn)).put("lsn", lsn);
        ObjectNode envelope = JSON.createObjectNode();
        envelope.set("before", before);
        envelope.set("after", after);
        envelope.set("source", source);
        envelope.put("op", op).put("ts_ms", now);
        return envelope.toString();
    }
}
