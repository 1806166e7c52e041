package org.cdcpipeline.notifier.rules;

import java.util.Map;

import org.cdcpipeline.notifier.config.RulesConfig;

/** What every rule shares: its name, its description and its configuration, which says whether it is switched on. */
abstract class ConfiguredRule<C extends RulesConfig.Toggle> implements Rule {

    private final String name;
    private final String description;
    protected final C config;

    ConfiguredRule(String name, String description, C config) {
        this.name = name;
        this.description = description;
        this.config = config;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final boolean enabled() {
        return config.enabled();
    }

    /** None but the switch, unless the rule says otherwise. */
    @Override
    public Map<String, Object> settings() {
        return Map.of();
    }
}
