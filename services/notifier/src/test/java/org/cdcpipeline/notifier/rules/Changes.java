package org.cdcpipeline.notifier.rules;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.cdcpipeline.events.ChangeEvent;
import org.cdcpipeline.events.EventIdentity;
import org.cdcpipeline.events.Operation;
import org.cdcpipeline.events.Source;
import org.cdcpipeline.events.TransactionRow;
import org.cdcpipeline.notifier.config.RulesConfig;

/** Builds the changes and rule settings of the rule tables. */
final class Changes {

    static final UUID ACCOUNT = UUID.fromString("a0000000-0000-4000-8000-000000000001");
    static final UUID TRANSACTION = UUID.fromString("70000000-0000-4000-8000-000000000001");
    static final Instant COMMITTED = Instant.parse("2026-11-25T19:40:00Z");

    private Changes() {
    }

    record Toggle(boolean enabled) implements RulesConfig.Toggle {}

    record LargeAmount(boolean enabled, BigDecimal defaultThreshold, Map<String, BigDecimal> thresholds)
            implements RulesConfig.LargeAmount {}

    record Velocity(boolean enabled, int maxTransactions, Duration window) implements RulesConfig.Velocity {}

    static final Toggle ON = new Toggle(true);

    /** A transaction row; the remaining columns get plausible values. */
    static TransactionRow row(String amount, String currency, String status, String country) {
        return new TransactionRow(TRANSACTION, ACCOUNT, null, "CARD_PAYMENT", new BigDecimal(amount), currency, status,
                "DECLINED".equals(status) ? "insufficient funds" : null, "ONLINE", country, COMMITTED, COMMITTED, 0L);
    }

    static TransactionRow row(String status) {
        return row("10.0000", "EUR", status, "NL");
    }

    static TransactionChange created(TransactionRow after) {
        return change(Operation.CREATE, null, after);
    }

    static TransactionChange snapshot(TransactionRow after) {
        return change(Operation.READ, null, after);
    }

    static TransactionChange updated(TransactionRow before, TransactionRow after) {
        return change(Operation.UPDATE, before, after);
    }

    static TransactionChange deleted(TransactionRow before) {
        return change(Operation.DELETE, before, null);
    }

    static TransactionChange change(Operation op, TransactionRow before, TransactionRow after) {
        ChangeEvent<TransactionRow> event = new ChangeEvent<>(op, before, after,
                new Source("3.5.0.Final", "bank", "bank", "public", "transactions", 4242L, 77L, COMMITTED, op == Operation.READ),
                COMMITTED.plusMillis(20));
        return new TransactionChange(event, EventIdentity.of(event, TRANSACTION), Optional.empty(), 1);
    }

    static TransactionChange withHomeCountry(TransactionChange change, String homeCountry) {
        return new TransactionChange(change.event(), change.identity(), Optional.ofNullable(homeCountry), change.recentTransactions());
    }

    static TransactionChange withRecent(TransactionChange change, int recentTransactions) {
        return new TransactionChange(change.event(), change.identity(), change.homeCountry(), recentTransactions);
    }
}
