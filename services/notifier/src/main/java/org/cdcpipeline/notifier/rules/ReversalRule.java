package org.cdcpipeline.notifier.rules;

import java.util.Map;
import java.util.Optional;

import org.cdcpipeline.notifier.config.RulesConfig;

/** A transaction that was reversed. */
final class ReversalRule extends ConfiguredRule<RulesConfig.Toggle> {

    ReversalRule(RulesConfig.Toggle config) {
        super("reversal", "A transaction was reversed", config);
    }

    @Override
    public Optional<Finding> evaluate(TransactionChange change) {
        if (!change.becameStatus("REVERSED")) {
            return Optional.empty();
        }
        String previous = change.before() == null ? "none (inserted as REVERSED)" : change.before().status();
        return Optional.of(new Finding(Severity.WARNING, "Transaction reversed", Map.of("Previous status", previous)));
    }
}
