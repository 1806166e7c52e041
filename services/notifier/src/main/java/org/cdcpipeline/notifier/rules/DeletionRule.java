package org.cdcpipeline.notifier.rules;

import java.util.Map;
import java.util.Optional;

import org.cdcpipeline.events.Operation;
import org.cdcpipeline.notifier.config.RulesConfig;

/** A transaction row deleted: bookkeeping keeps transactions, so a deletion is a red flag. */
final class DeletionRule extends ConfiguredRule<RulesConfig.Toggle> {

    DeletionRule(RulesConfig.Toggle config) {
        super("deletion", "A transaction was deleted from the database", config);
    }

    @Override
    public Optional<Finding> evaluate(TransactionChange change) {
        if (change.op() != Operation.DELETE) {
            return Optional.empty();
        }
        return Optional.of(new Finding(Severity.CRITICAL, "Transaction deleted",
                Map.of("Last status", String.valueOf(change.before().status()))));
    }
}
