package org.cdcpipeline.notifier.rules;

import java.util.Map;
import java.util.Optional;

import org.cdcpipeline.notifier.config.RulesConfig;

/** A transaction that was reversed. */
final class ReversalRule implements Rule {

    private final RulesConfig.Toggle config;

    ReversalRule(RulesConfig.Toggle config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "reversal";
    }

    @Override
    public String description() {
        return "A transaction was reversed";
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
        if (!change.becameStatus("REVERSED")) {
            return Optional.empty();
        }
        String previous = change.before() == null ? "none (inserted as REVERSED)" : change.before().status();
        return Optional.of(new Finding(Severity.WARNING, "Transaction reversed", Map.of("Previous status", previous)));
    }
}
