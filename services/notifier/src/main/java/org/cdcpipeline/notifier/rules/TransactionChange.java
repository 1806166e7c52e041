package org.cdcpipeline.notifier.rules;

import java.util.Optional;

import org.cdcpipeline.events.ChangeEvent;
import org.cdcpipeline.events.EventIdentity;
import org.cdcpipeline.events.Operation;
import org.cdcpipeline.events.TransactionRow;

/**
 * A change of a transaction with the facts the rules need beyond the event itself, looked up beforehand so that
 * every rule stays a pure function.
 *
 * @param homeCountry the account's home country, if the notifier has seen the account
 * @param recentTransactions transactions of the account within the velocity window up to this one, itself included,
 *     among those the notifier recorded up to this one (a redelivered event gets the count it got the first time)
 */
public record TransactionChange(
        ChangeEvent<TransactionRow> event, EventIdentity identity, Optional<String> homeCountry, int recentTransactions) {

    public Operation op() {
        return event.op();
    }

    /** The transaction's new state, or its last state for a delete. */
    public TransactionRow row() {
        return event.row();
    }

    public TransactionRow before() {
        return event.before();
    }

    public TransactionRow after() {
        return event.after();
    }

    /** A transaction that came into existence (an insert, or a row read by a snapshot). */
    public boolean isNewTransaction() {
        return op() == Operation.CREATE || op() == Operation.READ;
    }

    /** Whether the transaction now has {@code status} and did not have it before. */
    public boolean becameStatus(String status) {
        return after() != null && status.equals(after().status()) && (before() == null || !status.equals(before().status()));
    }
}
