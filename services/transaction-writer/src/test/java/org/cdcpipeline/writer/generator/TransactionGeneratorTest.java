package org.cdcpipeline.writer.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.cdcpipeline.events.TransactionStatus;
import org.cdcpipeline.writer.domain.MerchantCategory;
import org.cdcpipeline.writer.domain.TransactionType;
import org.cdcpipeline.writer.generator.GeneratedChange.Insert;
import org.cdcpipeline.writer.generator.GeneratedChange.Removal;
import org.cdcpipeline.writer.generator.GeneratedChange.StatusChange;
import org.iban4j.IbanUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TransactionGeneratorTest {

    private static final int TICKS = 40_000;
    private static final double ANOMALY_SHARE = 0.05;

    private static TransactionGenerator generator;
    private static List<GeneratedChange> changes;
    private static List<GeneratedTransaction> transactions;

    @BeforeAll
    static void generate() {
        generator = new TransactionGenerator(7, ANOMALY_SHARE, 300, 150);
        changes = ticks(generator, TICKS);
        transactions = changes.stream().filter(Insert.class::isInstance).map(change -> ((Insert) change).transaction()).toList();
    }

    @Test
    void sameSeedGivesTheSameData() {
        TransactionGenerator again = new TransactionGenerator(7, ANOMALY_SHARE, 300, 150);
        assertThat(again.population()).isEqualTo(generator.population());
        assertThat(ticks(again, TICKS)).isEqualTo(changes);
    }

    @Test
    void anotherSeedGivesOtherData() {
        TransactionGenerator other = new TransactionGenerator(8, ANOMALY_SHARE, 300, 150);
        assertThat(other.population().accounts().getFirst()).isNotEqualTo(generator.population().accounts().getFirst());
        assertThat(ticks(other, 100)).doesNotContainAnyElementsOf(changes.subList(0, 100));
    }

    @Test
    void populationHasValidUniqueIbansInTheOwnersHomeCountry() {
        List<GeneratedAccount> accounts = generator.population().accounts();
        assertThat(accounts).hasSize(300).allSatisfy(account -> {
            IbanUtil.validate(account.iban());
            assertThat(account.iban()).startsWith(account.homeCountry());
            assertThat(account.ownerName()).isNotBlank();
        });
        assertThat(accounts.stream().map(GeneratedAccount::iban).distinct()).hasSize(300);
        assertThat(accounts.stream().map(GeneratedAccount::homeCountry).distinct().count()).isGreaterThan(5);
        assertThat(generator.population().merchants()).hasSize(150)
                .allSatisfy(merchant -> assertThat(merchant.name()).isNotBlank());
    }

    @Test
    void oneNewTransactionPerTickWithDistinctIds() {
        assertThat(transactions).hasSize(TICKS);
        assertThat(transactions.stream().map(GeneratedTransaction::id).collect(Collectors.toSet())).hasSize(TICKS);
    }

    @Test
    void anomaliesMakeUpTheConfiguredShareAndComeInEveryKind() {
        long anomalous = transactions.stream().filter(transaction -> transaction.anomaly() != null).count();
        assertThat((double) anomalous / TICKS).isCloseTo(ANOMALY_SHARE, within(0.015));
        assertThat(transactions.stream().map(GeneratedTransaction::anomaly).filter(Objects::nonNull).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(Anomaly.values());
        assertThat(new TransactionGenerator(7, 0, 300, 150).population()).isEqualTo(generator.population());
        assertThat(ticks(new TransactionGenerator(7, 0, 300, 150), 5_000)).noneMatch(change ->
                change instanceof Insert insert && insert.transaction().anomaly() != null);
    }

    @Test
    void ordinaryAmountsAreLogNormalAroundTheCategoryMedian() {
        Map<UUID, MerchantCategory> categories = generator.population().merchants().stream()
                .collect(Collectors.toMap(GeneratedMerchant::id, GeneratedMerchant::category));
        List<Double> groceries = transactions.stream()
                .filter(transaction -> transaction.anomaly() == null && transaction.type() == TransactionType.CARD_PAYMENT
                        && transaction.currency().equals("EUR") && categories.get(transaction.merchantId()) == MerchantCategory.GROCERY)
                .map(transaction -> transaction.amount().doubleValue()).sorted().toList();
        assertThat(groceries).hasSizeGreaterThan(500);
        // Log-normal with median 35 and sigma 0.7: the 10th and 90th percentiles are 35·e^(∓1.28·0.7) = 14.3 and 85.7.
        assertThat(percentile(groceries, 0.5)).isCloseTo(35, within(3.5));
        assertThat(percentile(groceries, 0.1)).isCloseTo(14.3, within(2.0));
        assertThat(percentile(groceries, 0.9)).isCloseTo(85.7, within(9.0));
    }

    @Test
    void largeAmountAnomaliesDwarfOrdinaryPayments() {
        List<Double> ordinary = transactions.stream().filter(transaction -> transaction.anomaly() == null)
                .map(transaction -> euros(transaction)).sorted().toList();
        List<Double> large = transactions.stream().filter(transaction -> transaction.anomaly() == Anomaly.LARGE_AMOUNT)
                .map(transaction -> euros(transaction)).sorted().toList();
        assertThat(percentile(large, 0.5)).isGreaterThan(percentile(ordinary, 0.99));
        assertThat(transactions).allSatisfy(transaction -> assertThat(transaction.amount())
                .isPositive().isLessThanOrEqualTo(TransactionGenerator.MAX_AMOUNT));
    }

    @Test
    void foreignPaymentsAreAMinorityAndSpikesHappenWhereNobodyTravels() {
        Map<UUID, String> homes = generator.population().accounts().stream()
                .collect(Collectors.toMap(GeneratedAccount::id, GeneratedAccount::homeCountry));
        List<GeneratedTransaction> ordinaryPayments = transactions.stream()
                .filter(transaction -> transaction.anomaly() == null && transaction.type() == TransactionType.CARD_PAYMENT).toList();
        double foreign = ordinaryPayments.stream().filter(transaction -> !transaction.country().equals(homes.get(transaction.accountId())))
                .count() / (double) ordinaryPayments.size();
        assertThat(foreign).isBetween(0.05, 0.2);
        assertThat(transactions.stream().filter(transaction -> transaction.anomaly() == Anomaly.FOREIGN_SPIKE))
                .isNotEmpty()
                .allSatisfy(transaction -> assertThat(Geography.SPIKE_COUNTRIES).contains(transaction.country()));
        assertThat(transactions.stream().filter(transaction -> transaction.anomaly() == null))
                .noneMatch(transaction -> Geography.SPIKE_COUNTRIES.contains(transaction.country()));
    }

    @Test
    void lifecyclesFollowTheStateMachineAndIncludeEveryOutcome() {
        Map<UUID, TransactionStatus> statuses = new HashMap<>();
        Set<TransactionStatus> reached = new HashSet<>();
        int deletions = 0;
        for (GeneratedChange change : changes) {
            switch (change) {
                case Insert insert -> statuses.put(insert.transaction().id(), TransactionStatus.PENDING);
                case StatusChange update -> {
                    assertThat(statuses.get(update.transactionId())).isEqualTo(update.from());
                    assertThat(update.from().canMoveTo(update.to())).isTrue();
                    assertThat(update.reason() != null).isEqualTo(update.to() == TransactionStatus.DECLINED);
                    statuses.put(update.transactionId(), update.to());
                    reached.add(update.to());
                }
                case Removal removal -> {
                    assertThat(statuses.remove(removal.transactionId())).isEqualTo(removal.status()).isIn(TransactionStatus.PENDING, TransactionStatus.DECLINED);
                    deletions++;
                }
            }
        }
        assertThat(reached).containsExactlyInAnyOrder(TransactionStatus.AUTHORIZED, TransactionStatus.SETTLED,
                TransactionStatus.DECLINED, TransactionStatus.REVERSED);
        assertThat(deletions).isGreaterThan(TICKS / 100);
        long declined = transactions.stream().filter(transaction -> transaction.finalStatus() == TransactionStatus.DECLINED).count();
        assertThat(declined / (double) TICKS).isBetween(0.03, 0.12);
    }

    private static List<GeneratedChange> ticks(TransactionGenerator generator, int count) {
        List<GeneratedChange> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            all.addAll(generator.nextTick());
        }
        return all;
    }

    private static double euros(GeneratedTransaction transaction) {
        return transaction.amount().doubleValue() / Geography.unitsPerEuro(transaction.currency());
    }

    private static double percentile(List<Double> sorted, double quantile) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.round(quantile * (sorted.size() - 1))));
    }
}
