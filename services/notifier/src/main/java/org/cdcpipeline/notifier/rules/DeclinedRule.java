package org.cdcpipeline.notifier.rules;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.cdcpipeline.notifier.config.RulesConfig;

/** A transaction that was declined, with the reason. */
final class DeclinedRule implements Rule {

    private final RulesConfig.Toggle config;

    DeclinedRule(RulesConfig.Toggle config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "declined";
    }

    @Override
    public String description() {
        return "A transaction was declined";
    }

    @Override
    public boolean enabled() {
        return config.enabled();
    }

    @Override
    public Map<String, Object> settings() {
        return Map.of();
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
