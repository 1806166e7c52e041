package org.cdcpipeline.notifier.rules;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.cdcpipeline.notifier.config.NotifierConfig;
import org.cdcpipeline.notifier.config.RulesConfig;

/** The rules in force, applied to each change of a transaction. */
@ApplicationScoped
public class RuleEngine {

    private final List<Rule> rules;
    private final String linkBaseUrl;

    @Inject
    public RuleEngine(RulesConfig rules, NotifierConfig notifier) {
        this(allRules(rules), notifier.linkBaseUrl());
    }

    RuleEngine(List<Rule> rules, String linkBaseUrl) {
        this.rules = List.copyOf(rules);
        this.linkBaseUrl = linkBaseUrl;
    }

    static List<Rule> allRules(RulesConfig config) {
        return List.of(
                new LargeAmountRule(config.largeAmount()),
                new DeclinedRule(config.declined()),
                new ReversalRule(config.reversal()),
                new DeletionRule(config.deletion()),
                new VelocityRule(config.velocity()),
                new ForeignCountryRule(config.foreignCountry()),
                new ImpossibleStatusChangeRule(config.impossibleStatusChange()));
    }

    /** Every rule, enabled or not. */
    public List<Rule> rules() {
        return rules;
    }

    /** The notifications of the enabled rules that found something, in the order of {@link #rules()}. */
    public List<Notification> evaluate(TransactionChange change) {
        return rules.stream()
                .filter(Rule::enabled)
                .flatMap(rule -> rule.evaluate(change).map(finding -> Notification.of(change, rule, finding, linkBaseUrl)).stream())
                .toList();
    }
}
