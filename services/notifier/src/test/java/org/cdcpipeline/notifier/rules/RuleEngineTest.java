package org.cdcpipeline.notifier.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdcpipeline.notifier.rules.Changes.ON;
import static org.cdcpipeline.notifier.rules.Changes.created;
import static org.cdcpipeline.notifier.rules.Changes.row;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RuleEngineTest {

    private static final TransactionChange LARGE_AND_DECLINED = created(row("20000.0000", "EUR", "DECLINED", "NL"));

    private static Rule largeAmount(boolean enabled) {
        return new LargeAmountRule(new Changes.LargeAmount(enabled, new BigDecimal("10000"), Map.of()));
    }

    @Test
    void turnsEveryFindingIntoANotificationLinkedToTheTransaction() {
        RuleEngine engine = new RuleEngine(List.of(largeAmount(true), new DeclinedRule(ON)), "http://writer.example:8080/");

        List<Notification> notifications = engine.evaluate(LARGE_AND_DECLINED);

        assertThat(notifications).extracting(Notification::rule).containsExactly("large-amount", "declined");
        Notification large = notifications.get(0);
        assertThat(large.link()).isEqualTo("http://writer.example:8080/api/transactions/" + Changes.TRANSACTION);
        assertThat(large.amount()).isEqualByComparingTo("20000").hasScaleOf(4);
        assertThat(large.currency()).isEqualTo("EUR");
        assertThat(large.accountId()).isEqualTo(Changes.ACCOUNT);
        assertThat(large.committedAt()).isEqualTo(Changes.COMMITTED);
    }

    @Test
    void derivesTheSameIdFromTheSameEventAndRuleAndADifferentOneForAnotherRule() {
        RuleEngine engine = new RuleEngine(List.of(largeAmount(true), new DeclinedRule(ON)), "http://localhost:8080");

        List<Notification> first = engine.evaluate(LARGE_AND_DECLINED);
        List<Notification> redelivered = engine.evaluate(created(row("20000.0000", "EUR", "DECLINED", "NL")));

        assertThat(redelivered).extracting(Notification::id).isEqualTo(first.stream().map(Notification::id).toList());
        assertThat(first.get(0).id()).isNotEqualTo(first.get(1).id())
                .isEqualTo(Notification.idOf("4242:77:public.transactions:" + Changes.TRANSACTION + ":c", "large-amount"));
    }

    @Test
    void skipsADisabledRule() {
        RuleEngine engine = new RuleEngine(List.of(largeAmount(false), new DeclinedRule(new Changes.Toggle(false))), "http://localhost:8080");

        assertThat(engine.evaluate(LARGE_AND_DECLINED)).isEmpty();
    }
}
