package org.cdcpipeline.notifier.rules;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.cdcpipeline.events.TransactionRow;
import org.cdcpipeline.notifier.config.RulesConfig;

/** A transaction at or above its currency's threshold: when it is created, or when an update lifts it there. */
final class LargeAmountRule extends ConfiguredRule<RulesConfig.LargeAmount> {

    LargeAmountRule(RulesConfig.LargeAmount config) {
        super("large-amount", "A transaction at or above the threshold of its currency", config);
    }

    @Override
    public Map<String, Object> settings() {
        return Map.of("defaultThreshold", config.defaultThreshold(), "thresholds", new TreeMap<>(config.thresholds()));
    }

    @Override
    public Optional<Finding> evaluate(TransactionChange change) {
        TransactionRow after = change.after();
        if (after == null || after.amount() == null) {
            return Optional.empty();
        }
        BigDecimal threshold = thresholdFor(after.currency());
        boolean wasLarge = change.before() != null && change.before().amount() != null
                && change.before().amount().compareTo(thresholdFor(change.before().currency())) >= 0;
        if (after.amount().compareTo(threshold) < 0 || wasLarge) {
            return Optional.empty();
        }
        return Optional.of(new Finding(Severity.WARNING, "Large transaction",
                Map.of("Threshold", threshold.toPlainString() + " " + after.currency())));
    }

    private BigDecimal thresholdFor(String currency) {
        return config.thresholds().getOrDefault(currency, config.defaultThreshold());
    }
}
