package org.cdcpipeline.notifier.rules;

import java.util.Map;
import java.util.Optional;

import org.cdcpipeline.notifier.config.RulesConfig;

/**
 * More than N transactions of one account within T seconds. Fires once per burst, on the transaction that crosses the
 * limit, rather than on every transaction after it.
 */
final class VelocityRule implements Rule {

    private final RulesConfig.Velocity config;

    VelocityRule(RulesConfig.Velocity config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "velocity";
    }

    @Override
    public String description() {
        return "More than " + config.maxTransactions() + " transactions of one account within " + config.window().toSeconds() + " s";
    }

    @Override
    public boolean enabled() {
        return config.enabled();
    }

    @Override
    public Map<String, Object> settings() {
        return Map.of("maxTransactions", config.maxTransactions(), "windowSeconds", config.window().toSeconds());
    }

    @Override
    public Optional<Finding> evaluate(TransactionChange change) {
        if (!change.isNewTransaction() || change.recentTransactions() != config.maxTransactions() + 1) {
            return Optional.empty();
        }
        return Optional.of(new Finding(Severity.WARNING, "Unusual transaction velocity", Map.of(
                "Transactions", change.recentTransactions() + " within " + config.window().toSeconds() + " s")));
    }
}
