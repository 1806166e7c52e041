package org.cdcpipeline.notifier.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The business rules, each switched off with {@code cdc.rules.<rule>.enabled=false}. */
@ConfigMapping(prefix = "cdc.rules")
public interface RulesConfig {

    LargeAmount largeAmount();

    Toggle declined();

    Toggle reversal();

    Toggle deletion();

    Velocity velocity();

    Toggle foreignCountry();

    Toggle impossibleStatusChange();

    interface Toggle {
        @WithDefault("true")
        boolean enabled();
    }

    interface LargeAmount extends Toggle {

        /** For currencies without a threshold of their own. */
        @WithDefault("10000")
        BigDecimal defaultThreshold();

        /** Per ISO-4217 currency code, e.g. {@code cdc.rules.large-amount.thresholds.JPY=1500000}. */
        Map<String, BigDecimal> thresholds();
    }

    interface Velocity extends Toggle {

        /** An alert when an account makes more than this many transactions within {@link #window()}. */
        @WithDefault("5")
        int maxTransactions();

        @WithDefault("60s")
        Duration window();
    }
}
