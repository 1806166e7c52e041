package org.cdcpipeline.notifier.rules;

import java.util.Map;
import java.util.Optional;

import org.cdcpipeline.events.TransactionRow;
import org.cdcpipeline.notifier.config.RulesConfig;

/**
 * A new transaction in a country other than its account's home country. Silent while the notifier has not seen the
 * account yet (its change event comes on another topic): no guess, no false alarm.
 */
final class ForeignCountryRule extends ConfiguredRule<RulesConfig.Toggle> {

    ForeignCountryRule(RulesConfig.Toggle config) {
        super("foreign-country", "A transaction in a country other than the account's home country", config);
    }

    @Override
    public Optional<Finding> evaluate(TransactionChange change) {
        TransactionRow after = change.after();
        if (!change.isNewTransaction() || after.country() == null || change.homeCountry().isEmpty()
                || after.country().equalsIgnoreCase(change.homeCountry().get())) {
            return Optional.empty();
        }
        return Optional.of(new Finding(Severity.WARNING, "Transaction abroad",
                Map.of("Country", after.country(), "Home country", change.homeCountry().get())));
    }
}
