package org.cdcpipeline.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdentityTest {

    private static final UUID TRANSACTION_ID = UUID.fromString("6f1c2a9e-4b7d-4e3a-9c1f-2d8e5b7a0c41");
    private static final UUID ACCOUNT_ID = UUID.fromString("0b9e6c3d-8f2a-4d1e-b5c7-3a9f1e2d4c68");
    private static final UUID MERCHANT_ID = UUID.fromString("c4a7e2f1-9d3b-4c8e-a6f5-1b2d3e4f5a69");

    private final ChangeEventParser parser = new ChangeEventParser();

    @Test
    void identifiesAnEventByPositionTableKeyAndOperation() {
        EventIdentity identity = EventIdentity.of(transactionEvent(Samples.text("transaction-create.json")), TRANSACTION_ID);

        assertThat(identity).isEqualTo(new EventIdentity(
                24023184L, 752L, "public.transactions", TRANSACTION_ID.toString(), Operation.CREATE));
        assertThat(identity.value()).isEqualTo("24023184:752:public.transactions:6f1c2a9e-4b7d-4e3a-9c1f-2d8e5b7a0c41:c");
    }

    @Test
    void isTheSameForARedeliveryProcessedAgainLater() {
        String redelivered = Samples.edited("transaction-create.json", root -> root.put("ts_ms", 1795639999999L));

        assertThat(EventIdentity.of(transactionEvent(redelivered), TRANSACTION_ID).value())
                .isEqualTo(EventIdentity.of(transactionEvent(Samples.text("transaction-create.json")), TRANSACTION_ID).value());
    }

    @Test
    void differsForAnotherOperationOnTheSameRowAtTheSamePosition() {
        String asUpdate = Samples.edited("transaction-create.json", root -> root.put("op", "u"));
        String asRead = Samples.edited("transaction-create.json", root -> root.put("op", "r"));

        String created = EventIdentity.of(transactionEvent(Samples.text("transaction-create.json")), TRANSACTION_ID).value();
        String updated = EventIdentity.of(transactionEvent(asUpdate), TRANSACTION_ID).value();
        String read = EventIdentity.of(transactionEvent(asRead), TRANSACTION_ID).value();

        assertThat(created).isNotEqualTo(updated).isNotEqualTo(read);
        assertThat(updated).isNotEqualTo(read);
    }

    @Test
    void differsForTheRowsOfOneSnapshotThatShareTheirPosition() {
        ChangeEvent<AccountRow> account = Samples.event(parser.parse(Samples.bytes("account-snapshot-read.json"), AccountRow.class));
        ChangeEvent<MerchantRow> merchant = Samples.event(parser.parse(Samples.bytes("merchant-snapshot-read-last.json"), MerchantRow.class));
        String otherAccount = Samples.edited("account-snapshot-read.json",
                root -> root.withObject("after").put("id", TRANSACTION_ID.toString()));

        assertThat(account.source().lsn()).isEqualTo(merchant.source().lsn());
        assertThat(EventIdentity.of(account, ACCOUNT_ID).value())
                .isEqualTo("24019872:748:public.accounts:0b9e6c3d-8f2a-4d1e-b5c7-3a9f1e2d4c68:r")
                .isNotEqualTo(EventIdentity.of(merchant, MERCHANT_ID).value())
                .isNotEqualTo(EventIdentity.of(Samples.event(parser.parse(otherAccount, AccountRow.class)), TRANSACTION_ID).value());
    }

    @Test
    void marksAnAbsentTxIdAndTheKeylessTruncate() {
        String withoutTxId = Samples.edited("transaction-truncate.json", root -> root.withObject("source").putNull("txId"));

        assertThat(EventIdentity.of(transactionEvent(Samples.text("transaction-truncate.json")), null).value())
                .isEqualTo("24032000:795:public.transactions:-:t");
        assertThat(EventIdentity.of(transactionEvent(withoutTxId), null).value())
                .isEqualTo("24032000:-:public.transactions:-:t");
    }

    @Test
    void requiresTheKeyOfAnEventAboutARow() {
        ChangeEvent<TransactionRow> delete = transactionEvent(Samples.text("transaction-delete.json"));

        assertThatThrownBy(() -> EventIdentity.of(delete, null))
                .isInstanceOf(MalformedChangeEventException.class)
                .hasMessage("key: missing for op 'd'");
    }

    @Test
    void worksWithTheParsedRecordKey() {
        ChangeEvent<TransactionRow> delete = transactionEvent(Samples.text("transaction-delete.json"));

        assertThat(EventIdentity.of(delete, parser.parseKey(Samples.bytes("transaction-key.json"))).value())
                .isEqualTo("24031000:790:public.transactions:9a3d5e7f-1c2b-4a6d-8e9f-0a1b2c3d4e5f:d");
    }

    private ChangeEvent<TransactionRow> transactionEvent(String value) {
        return Samples.event(parser.parse(value, TransactionRow.class));
    }
}
