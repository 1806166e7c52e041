package org.cdcpipeline.notifier.rules;

import java.util.Map;
import java.util.Optional;

import org.cdcpipeline.notifier.config.RulesConfig;

/**
 * More than N transactions of one account within T seconds. Fires once per burst, on the transaction that crosses the
 * limit, rather than on every transaction after it.
 */
final class VelocityRule extends ConfiguredRule<RulesConfig.Velocity> {

    VelocityRule(RulesConfig.Velocity config) {
        super("velocity", "More than " + config.maxTransactions() + " transactions of one account within "
                + config.window().toSeconds() + " s", config);
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
