package org.cdcpipeline.notifier.rules;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.cdcpipeline.notifier.config.RulesConfig;

/** A transaction that was declined, with the reason. */
final class DeclinedRule extends ConfiguredRule<RulesConfig.Toggle> {

    DeclinedRule(RulesConfig.Toggle config) {
        super("declined", "A transaction was declined", config);
    }

    @Override
    public Optional<Finding> evaluate(TransactionChange change) {
        if (!change.becameStatus("DECLINED")) {
            return Optional.empty();
        }
        return Optional.of(new Finding(Severity.INFO, "Transaction declined",
                Map.of("Reason", Objects.requireNonNullElse(change.after().declineReason(), "not given"))));
    }
}
