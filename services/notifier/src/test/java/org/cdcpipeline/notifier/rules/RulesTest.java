package org.cdcpipeline.notifier.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cdcpipeline.notifier.rules.Changes.ON;
import static org.cdcpipeline.notifier.rules.Changes.created;
import static org.cdcpipeline.notifier.rules.Changes.deleted;
import static org.cdcpipeline.notifier.rules.Changes.row;
import static org.cdcpipeline.notifier.rules.Changes.snapshot;
import static org.cdcpipeline.notifier.rules.Changes.updated;
import static org.cdcpipeline.notifier.rules.Changes.withHomeCountry;
import static org.cdcpipeline.notifier.rules.Changes.withRecent;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One table per rule: a change, and what the rule finds in it — its title and details, or nothing. The same tables
 * hold the cases a rule must stay silent on, so a rule that fires on everything fails as surely as one that never does.
 */
class RulesTest {

    private static final Rule LARGE_AMOUNT = new LargeAmountRule(new Changes.LargeAmount(true, new BigDecimal("10000"),
            Map.of("EUR", new BigDecimal("10000"), "JPY", new BigDecimal("1500000"))));
    private static final Rule DECLINED = new DeclinedRule(ON);
    private static final Rule REVERSAL = new ReversalRule(ON);
    private static final Rule DELETION = new DeletionRule(ON);
    private static final Rule VELOCITY = new VelocityRule(new Changes.Velocity(true, 5, Duration.ofSeconds(60)));
    private static final Rule FOREIGN_COUNTRY = new ForeignCountryRule(ON);
    private static final Rule IMPOSSIBLE_STATUS_CHANGE = new ImpossibleStatusChangeRule(ON);

    private static Arguments fires(String situation, Rule rule, TransactionChange change, Severity severity, String title,
            Map<String, String> details) {
        return Arguments.of(situation, rule, change, Optional.of(new Finding(severity, title, details)));
    }

    private static Arguments silent(String situation, Rule rule, TransactionChange change) {
        return Arguments.of(situation, rule, change, Optional.empty());
    }

    static Stream<Arguments> largeAmount() {
        return Stream.of(
                fires("EUR at its threshold", LARGE_AMOUNT, created(row("10000.0000", "EUR", "PENDING", "NL")),
                        Severity.WARNING, "Large transaction", Map.of("Threshold", "10000 EUR")),
                silent("EUR a cent below", LARGE_AMOUNT, created(row("9999.9900", "EUR", "PENDING", "NL"))),
                silent("JPY has its own, higher threshold", LARGE_AMOUNT, created(row("20000.0000", "JPY", "PENDING", "JP"))),
                fires("JPY above its threshold", LARGE_AMOUNT, created(row("2000000.0000", "JPY", "PENDING", "JP")),
                        Severity.WARNING, "Large transaction", Map.of("Threshold", "1500000 JPY")),
                fires("a currency without a threshold uses the default", LARGE_AMOUNT, created(row("12000.0000", "CHF", "PENDING", "CH")),
                        Severity.WARNING, "Large transaction", Map.of("Threshold", "10000 CHF")),
                fires("an update lifting the amount over", LARGE_AMOUNT,
                        updated(row("50.0000", "EUR", "PENDING", "NL"), row("50000.0000", "EUR", "PENDING", "NL")),
                        Severity.WARNING, "Large transaction", Map.of("Threshold", "10000 EUR")),
                silent("a status update of a transaction already large", LARGE_AMOUNT,
                        updated(row("50000.0000", "EUR", "PENDING", "NL"), row("50000.0000", "EUR", "AUTHORIZED", "NL"))),
                silent("a deletion", LARGE_AMOUNT, deleted(row("50000.0000", "EUR", "PENDING", "NL"))));
    }

    static Stream<Arguments> declined() {
        return Stream.of(
                fires("pending → declined, with the reason", DECLINED, updated(row("PENDING"), row("DECLINED")),
                        Severity.INFO, "Transaction declined", Map.of("Reason", "insufficient funds")),
                fires("inserted as declined", DECLINED, created(row("DECLINED")),
                        Severity.INFO, "Transaction declined", Map.of("Reason", "insufficient funds")),
                silent("pending → authorized", DECLINED, updated(row("PENDING"), row("AUTHORIZED"))),
                silent("an update of a row that was already declined", DECLINED, updated(row("DECLINED"), row("DECLINED"))),
                silent("a declined row deleted", DECLINED, deleted(row("DECLINED"))));
    }

    static Stream<Arguments> reversal() {
        return Stream.of(
                fires("settled → reversed", REVERSAL, updated(row("SETTLED"), row("REVERSED")),
                        Severity.WARNING, "Transaction reversed", Map.of("Previous status", "SETTLED")),
                fires("authorized → reversed", REVERSAL, updated(row("AUTHORIZED"), row("REVERSED")),
                        Severity.WARNING, "Transaction reversed", Map.of("Previous status", "AUTHORIZED")),
                fires("inserted as reversed", REVERSAL, created(row("REVERSED")),
                        Severity.WARNING, "Transaction reversed", Map.of("Previous status", "none (inserted as REVERSED)")),
                silent("authorized → settled", REVERSAL, updated(row("AUTHORIZED"), row("SETTLED"))),
                silent("already reversed", REVERSAL, updated(row("REVERSED"), row("REVERSED"))));
    }

    static Stream<Arguments> deletion() {
        return Stream.of(
                fires("a deleted transaction", DELETION, deleted(row("SETTLED")),
                        Severity.CRITICAL, "Transaction deleted", Map.of("Last status", "SETTLED")),
                silent("an insert", DELETION, created(row("PENDING"))),
                silent("an update", DELETION, updated(row("PENDING"), row("AUTHORIZED"))));
    }

    static Stream<Arguments> velocity() {
        return Stream.of(
                fires("the sixth transaction within the window", VELOCITY, withRecent(created(row("PENDING")), 6),
                        Severity.WARNING, "Unusual transaction velocity", Map.of("Transactions", "6 within 60 s")),
                silent("the fifth", VELOCITY, withRecent(created(row("PENDING")), 5)),
                silent("the seventh: one alert per burst", VELOCITY, withRecent(created(row("PENDING")), 7)),
                silent("an update is no new transaction", VELOCITY, withRecent(updated(row("PENDING"), row("AUTHORIZED")), 6)));
    }

    static Stream<Arguments> foreignCountry() {
        return Stream.of(
                fires("a Dutch account paying in Spain", FOREIGN_COUNTRY, withHomeCountry(created(row("10.0000", "EUR", "PENDING", "ES")), "NL"),
                        Severity.WARNING, "Transaction abroad", Map.of("Country", "ES", "Home country", "NL")),
                silent("at home", FOREIGN_COUNTRY, withHomeCountry(created(row("10.0000", "EUR", "PENDING", "NL")), "NL")),
                silent("an account not seen yet", FOREIGN_COUNTRY, withHomeCountry(created(row("10.0000", "EUR", "PENDING", "ES")), null)),
                silent("an update of a foreign transaction", FOREIGN_COUNTRY,
                        withHomeCountry(updated(row("10.0000", "EUR", "PENDING", "ES"), row("10.0000", "EUR", "AUTHORIZED", "ES")), "NL")),
                fires("a snapshot row, when snapshots may alert", FOREIGN_COUNTRY,
                        withHomeCountry(snapshot(row("10.0000", "EUR", "SETTLED", "US")), "NL"),
                        Severity.WARNING, "Transaction abroad", Map.of("Country", "US", "Home country", "NL")));
    }

    static Stream<Arguments> impossibleStatusChange() {
        return Stream.of(
                fires("declined → settled", IMPOSSIBLE_STATUS_CHANGE, updated(row("DECLINED"), row("SETTLED")),
                        Severity.CRITICAL, "Impossible status change", Map.of("Status change", "DECLINED → SETTLED")),
                fires("pending → settled skips authorization", IMPOSSIBLE_STATUS_CHANGE, updated(row("PENDING"), row("SETTLED")),
                        Severity.CRITICAL, "Impossible status change", Map.of("Status change", "PENDING → SETTLED")),
                fires("reversed → pending", IMPOSSIBLE_STATUS_CHANGE, updated(row("REVERSED"), row("PENDING")),
                        Severity.CRITICAL, "Impossible status change", Map.of("Status change", "REVERSED → PENDING")),
                fires("a status the lifecycle does not know", IMPOSSIBLE_STATUS_CHANGE, updated(row("PENDING"), row("LOST")),
                        Severity.CRITICAL, "Impossible status change", Map.of("Status change", "PENDING → LOST")),
                silent("pending → authorized", IMPOSSIBLE_STATUS_CHANGE, updated(row("PENDING"), row("AUTHORIZED"))),
                silent("settled → reversed", IMPOSSIBLE_STATUS_CHANGE, updated(row("SETTLED"), row("REVERSED"))),
                silent("no status change", IMPOSSIBLE_STATUS_CHANGE, updated(row("SETTLED"), row("SETTLED"))),
                silent("an insert", IMPOSSIBLE_STATUS_CHANGE, created(row("SETTLED"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"largeAmount", "declined", "reversal", "deletion", "velocity", "foreignCountry", "impossibleStatusChange"})
    void findsWhatTheTableSays(String situation, Rule rule, TransactionChange change, Optional<Finding> expected) {
        assertThat(rule.evaluate(change)).isEqualTo(expected);
    }
}
