package org.cdcpipeline.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ChangeEventParserTest {

    private static final UUID TRANSACTION_ID = UUID.fromString("6f1c2a9e-4b7d-4e3a-9c1f-2d8e5b7a0c41");
    private static final UUID DELETED_TRANSACTION_ID = UUID.fromString("9a3d5e7f-1c2b-4a6d-8e9f-0a1b2c3d4e5f");
    private static final UUID ACCOUNT_ID = UUID.fromString("0b9e6c3d-8f2a-4d1e-b5c7-3a9f1e2d4c68");
    private static final UUID MERCHANT_ID = UUID.fromString("c4a7e2f1-9d3b-4c8e-a6f5-1b2d3e4f5a69");

    private static final TransactionRow PENDING = new TransactionRow(
            TRANSACTION_ID, ACCOUNT_ID, MERCHANT_ID, "CARD_PAYMENT", new BigDecimal("1250.5000"), "EUR",
            "PENDING", null, "POS", "DE",
            Instant.parse("2026-11-25T19:40:00.123456Z"), Instant.parse("2026-11-25T19:40:00.123456Z"), 0L);

    private final ChangeEventParser parser = new ChangeEventParser();

    @Test
    void readsACreate() {
        ChangeEvent<TransactionRow> event = Samples.event(parser.parse(Samples.bytes("transaction-create.json"), TransactionRow.class));

        assertThat(event.op()).isEqualTo(Operation.CREATE);
        assertThat(event.before()).isNull();
        assertThat(event.after()).isEqualTo(PENDING);
        assertThat(event.row()).isSameAs(event.after());
        assertThat(event.isSnapshot()).isFalse();
        assertThat(event.emittedAt()).isEqualTo(Instant.parse("2026-11-25T19:40:00.456Z"));
        assertThat(event.source()).isEqualTo(new Source(
                "3.5.0.Final", "bank", "bank", "public", "transactions",
                24023184L, 752L, Instant.parse("2026-11-25T19:40:00.123Z"), false));
    }

    @Test
    void keepsTheAmountExactWithItsScale() {
        TransactionRow row = Samples.event(parser.parse(Samples.bytes("transaction-create.json"), TransactionRow.class)).after();

        // BigDecimal.equals, unlike compareTo, also compares the scale: 1250.5000 is not 1250.5.
        assertThat(row.amount()).isEqualTo(new BigDecimal("1250.5000"));
        assertThat(row.amount().scale()).isEqualTo(4);
        assertThat(row.amount().unscaledValue().longValueExact()).isEqualTo(12505000L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1250.5000", "12345678901234567.1234", "0.0001", "1250"})
    void acceptsAnAmountSentAsAJsonNumberExactly(String digits) {
        String value = Samples.text("transaction-create.json")
                .replace("\"amount\":\"1250.5000\"", "\"amount\":" + digits);

        TransactionRow row = Samples.event(parser.parse(value, TransactionRow.class)).after();

        assertThat(row.amount()).isEqualTo(new BigDecimal(digits));
        assertThat(row.amount().scale()).isEqualTo(new BigDecimal(digits).scale());
    }

    @Test
    void readsAnUpdateWithTheFullPreviousRow() {
        ChangeEvent<TransactionRow> event = Samples.event(parser.parse(Samples.bytes("transaction-update.json"), TransactionRow.class));

        assertThat(event.op()).isEqualTo(Operation.UPDATE);
        assertThat(event.before()).isEqualTo(PENDING);
        assertThat(event.after()).isEqualTo(new TransactionRow(
                TRANSACTION_ID, ACCOUNT_ID, MERCHANT_ID, "CARD_PAYMENT", new BigDecimal("1250.5000"), "EUR",
                "DECLINED", "INSUFFICIENT_FUNDS", "POS", "DE",
                Instant.parse("2026-11-25T19:40:00.123456Z"), Instant.parse("2026-11-25T19:40:02.318207Z"), 1L));
        assertThat(event.row()).isSameAs(event.after());
        assertThat(event.source().lsn()).isEqualTo(24023560L);
        assertThat(event.source().txId()).isEqualTo(753L);
        assertThat(event.source().committedAt()).isEqualTo(Instant.parse("2026-11-25T19:40:02.318Z"));
        assertThat(event.emittedAt()).isEqualTo(Instant.parse("2026-11-25T19:40:02.401Z"));
    }

    @Test
    void readsADeleteWhoseRowIsTheLastState() {
        ChangeEvent<TransactionRow> event = Samples.event(parser.parse(Samples.bytes("transaction-delete.json"), TransactionRow.class));

        TransactionRow deleted = new TransactionRow(
                DELETED_TRANSACTION_ID, ACCOUNT_ID, null, "TRANSFER", new BigDecimal("75.0000"), "EUR",
                "REVERSED", null, "ONLINE", "FR",
                Instant.parse("2026-11-25T18:02:11.500Z"), Instant.parse("2026-11-25T18:05:47.004211Z"), 2L);
        assertThat(event.op()).isEqualTo(Operation.DELETE);
        assertThat(event.before()).isEqualTo(deleted);
        assertThat(event.after()).isNull();
        assertThat(event.row()).isSameAs(event.before());
        assertThat(event.source().lsn()).isEqualTo(24031000L);
        assertThat(event.source().txId()).isEqualTo(790L);
    }

    @Test
    void readsASnapshotReadOfAnAccount() {
        ChangeEvent<AccountRow> event = Samples.event(parser.parse(Samples.bytes("account-snapshot-read.json"), AccountRow.class));

        assertThat(event.op()).isEqualTo(Operation.READ);
        assertThat(event.isSnapshot()).isTrue();
        assertThat(event.before()).isNull();
        assertThat(event.after()).isEqualTo(new AccountRow(
                ACCOUNT_ID, "Jana Novák", "DE89370400440532013000", "DE", "EUR", "ACTIVE",
                Instant.parse("2026-03-02T08:15:30Z"), Instant.parse("2026-10-14T12:01:09.772310Z"), 3L));
        assertThat(event.source()).isEqualTo(new Source(
                "3.5.0.Final", "bank", "bank", "public", "accounts",
                24019872L, 748L, Instant.parse("2026-11-25T19:00:00Z"), true));
    }

    @Test
    void readsTheLastSnapshotReadOfAMerchant() {
        ChangeEvent<MerchantRow> event = Samples.event(parser.parse(Samples.bytes("merchant-snapshot-read-last.json"), MerchantRow.class));

        assertThat(event.op()).isEqualTo(Operation.READ);
        assertThat(event.isSnapshot()).isTrue();
        assertThat(event.row()).isEqualTo(new MerchantRow(
                MERCHANT_ID, "Café Einstein", "RESTAURANTS", "5812", "DE", Instant.parse("2025-12-01T09:00:00Z")));
        assertThat(event.source().qualifiedTable()).isEqualTo("public.merchants");
    }

    @ParameterizedTest
    @CsvSource({
        "true, true",
        "first, true",
        "first_in_data_collection, true",
        "last_in_data_collection, true",
        "last, true",
        "incremental, true",
        "false, false",
    })
    void treatsEverySnapshotMarkerButFalseAsASnapshot(String marker, boolean snapshot) {
        String value = Samples.edited("account-snapshot-read.json",
                root -> root.withObject("source").put("snapshot", marker));

        assertThat(Samples.event(parser.parse(value, AccountRow.class)).isSnapshot()).isEqualTo(snapshot);
    }

    @Test
    void treatsAnAbsentOrNullSnapshotMarkerAsStreaming() {
        String absent = Samples.edited("transaction-create.json", root -> root.withObject("source").remove("snapshot"));
        String nullMarker = Samples.edited("transaction-create.json", root -> root.withObject("source").putNull("snapshot"));

        assertThat(Samples.event(parser.parse(absent, TransactionRow.class)).isSnapshot()).isFalse();
        assertThat(Samples.event(parser.parse(nullMarker, TransactionRow.class)).isSnapshot()).isFalse();
    }

    @Test
    void readsATruncateWhichHasNoRow() {
        ChangeEvent<TransactionRow> event = Samples.event(parser.parse(Samples.bytes("transaction-truncate.json"), TransactionRow.class));

        assertThat(event.op()).isEqualTo(Operation.TRUNCATE);
        assertThat(event.before()).isNull();
        assertThat(event.after()).isNull();
        assertThat(event.source().qualifiedTable()).isEqualTo("public.transactions");
        assertThat(event.source().lsn()).isEqualTo(24032000L);
        assertThatThrownBy(event::row)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a truncate event carries no row");
    }

    @Test
    void readsATruncateWithoutBeforeAndAfterFields() {
        String value = Samples.edited("transaction-truncate.json", root -> root.remove(List.of("before", "after")));

        assertThat(Samples.event(parser.parse(value, TransactionRow.class)).op()).isEqualTo(Operation.TRUNCATE);
    }

    @Test
    void recognizesTheTombstoneSample() {
        assertThat(parser.parse(Samples.bytes("transaction-tombstone.json"), TransactionRow.class))
                .isInstanceOf(ParsedRecord.Tombstone.class);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void recognizesATombstoneString(String value) {
        assertThat(parser.parse(value, TransactionRow.class)).isInstanceOf(ParsedRecord.Tombstone.class);
    }

    @Test
    void recognizesATombstoneByteArray() {
        assertThat(parser.parse((byte[]) null, TransactionRow.class)).isInstanceOf(ParsedRecord.Tombstone.class);
        assertThat(parser.parse(new byte[0], TransactionRow.class)).isInstanceOf(ParsedRecord.Tombstone.class);
    }

    @Test
    void readsTheSameEventFromAStringAsFromBytes() {
        assertThat(parser.parse(Samples.text("transaction-update.json"), TransactionRow.class))
                .isEqualTo(parser.parse(Samples.bytes("transaction-update.json"), TransactionRow.class));
    }

    @Test
    void ignoresUnknownColumnsAndFields() {
        String value = Samples.edited("transaction-create.json", root -> {
            root.withObject("after").put("risk_score", 0.93).putArray("tags").add("contactless");
            root.withObject("after").putObject("metadata").put("terminal", "T-1");
            root.withObject("source").put("origin", "replica-2");
            root.put("schema_version", 7);
        });

        assertThat(Samples.event(parser.parse(value, TransactionRow.class)).after()).isEqualTo(PENDING);
    }

    @Test
    void readsAnAbsentNonKeyColumnAsNull() {
        String value = Samples.edited("transaction-create.json", root -> root.withObject("after").remove("channel"));

        TransactionRow row = Samples.event(parser.parse(value, TransactionRow.class)).after();

        assertThat(row.channel()).isNull();
        assertThat(row.id()).isEqualTo(TRANSACTION_ID);
    }

    @Test
    void acceptsAnEventWithoutTxId() {
        String value = Samples.edited("transaction-create.json", root -> root.withObject("source").putNull("txId"));

        assertThat(Samples.event(parser.parse(value, TransactionRow.class)).source().txId()).isNull();
    }

    @ParameterizedTest
    @CsvSource({
        "2026-11-25T19:40:00Z, 2026-11-25T19:40:00Z",
        "2026-11-25T19:40:00.000000Z, 2026-11-25T19:40:00Z",
        "2026-11-25T19:40:00.123456789Z, 2026-11-25T19:40:00.123456789Z",
        "2026-11-25T20:40:00.5+01:00, 2026-11-25T19:40:00.5Z",
    })
    void readsIsoTimestamps(String sent, String expected) {
        String value = Samples.edited("transaction-create.json", root -> root.withObject("after").put("created_at", sent));

        assertThat(Samples.event(parser.parse(value, TransactionRow.class)).after().createdAt()).isEqualTo(Instant.parse(expected));
    }

    @Test
    void readsTheKeyIntoThePrimaryKey() {
        assertThat(parser.parseKey(Samples.bytes("transaction-key.json"))).isEqualTo(DELETED_TRANSACTION_ID);
        assertThat(parser.parseKey(Samples.text("transaction-key.json"))).isEqualTo(DELETED_TRANSACTION_ID);
    }

    @Test
    void readsAKeyWithExtraFields() {
        assertThat(parser.parseKey("{\"id\":\"6f1c2a9e-4b7d-4e3a-9c1f-2d8e5b7a0c41\",\"shard\":3}")).isEqualTo(TRANSACTION_ID);
    }

    @Test
    void readsANullOrEmptyKeyAsNoKey() {
        assertThat(parser.parseKey((byte[]) null)).isNull();
        assertThat(parser.parseKey(new byte[0])).isNull();
        assertThat(parser.parseKey((String) null)).isNull();
    }
}
