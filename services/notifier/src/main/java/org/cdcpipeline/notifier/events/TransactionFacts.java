package org.cdcpipeline.notifier.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.cdcpipeline.events.ChangeEvent;
import org.cdcpipeline.events.Operation;
import org.cdcpipeline.events.TransactionRow;
import org.cdcpipeline.notifier.config.RulesConfig;
import org.cdcpipeline.notifier.rules.TransactionChange;
import org.cdcpipeline.notifier.store.AccountActivity;
import org.cdcpipeline.notifier.store.AccountFacts;

/**
 * Looks up what the rules need beyond the events themselves, for a whole batch at once: the accounts' home countries
 * (one query) and, recording each new transaction, the account's recent transactions for the velocity rule (one insert
 * and one count).
 */
@ApplicationScoped
class TransactionFacts {

    private final AccountFacts accounts;
    private final AccountActivity activity;
    private final RulesConfig.Velocity velocity;

    TransactionFacts(AccountFacts accounts, AccountActivity activity, RulesConfig rules) {
        this.accounts = accounts;
        this.activity = activity;
        this.velocity = rules.velocity();
    }

    /** @return the events with their facts, in the same order; call within the batch's database transaction */
    List<TransactionChange> lookUp(List<TransactionEvent> events) {
        Set<UUID> accountIds = events.stream().map(event -> event.change().row().accountId()).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<UUID, String> homeCountries = accounts.homeCountries(accountIds);
        List<AccountActivity.Transaction> newTransactions = events.stream().map(TransactionEvent::change)
                .filter(TransactionFacts::isNewTransactionOfAnAccount).map(TransactionFacts::activityOf).toList();
        Iterator<Integer> recentCounts = activity.recordAndCountRecent(newTransactions, velocity.window()).iterator();

        List<TransactionChange> changes = new ArrayList<>(events.size());
        for (TransactionEvent event : events) {
            ChangeEvent<TransactionRow> change = event.change();
            UUID accountId = change.row().accountId();
            int recent = isNewTransactionOfAnAccount(change) ? recentCounts.next() : 0;
            changes.add(new TransactionChange(change, event.identity(), Optional.ofNullable(homeCountries.get(accountId)), recent));
        }
        return changes;
    }

    private static boolean isNewTransactionOfAnAccount(ChangeEvent<TransactionRow> change) {
        return (change.op() == Operation.CREATE || change.op() == Operation.READ) && change.row().accountId() != null;
    }

    private static AccountActivity.Transaction activityOf(ChangeEvent<TransactionRow> change) {
        TransactionRow row = change.row();
        Instant occurredAt = Objects.requireNonNullElse(row.createdAt(), change.source().committedAt());
        return new AccountActivity.Transaction(row.id(), row.accountId(), occurredAt);
    }
}
