package org.cdcpipeline.writer.generator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.stream.Collectors;

import org.cdcpipeline.events.TransactionStatus;
import org.cdcpipeline.writer.domain.Channel;
import org.cdcpipeline.writer.domain.DeclineReason;
import org.cdcpipeline.writer.domain.MerchantCategory;
import org.cdcpipeline.writer.domain.TransactionType;
import org.cdcpipeline.writer.generator.GeneratedChange.Insert;
import org.cdcpipeline.writer.generator.GeneratedChange.Removal;
import org.cdcpipeline.writer.generator.GeneratedChange.StatusChange;
import org.cdcpipeline.writer.generator.GeneratedTransaction.Step;

/**
 * Realistic fake transactions and their lifecycles, as a pure function of the seed: no clock, no database, no other
 * randomness. Each {@link #nextTick()} creates one transaction and returns it after the lifecycle steps of earlier
 * transactions that fall due in that tick (authorizations, declines, settlements, reversals, deletions).
 */
public final class TransactionGenerator {

    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");
    /** Of ordinary card payments and refunds, the share at a merchant abroad. */
    static final double FOREIGN_PAYMENT_SHARE = 0.08;
    private static final double DOMESTIC_WITHDRAWAL_SHARE = 0.95;
    private static final double MEAN_ANOMALY_LENGTH = (15 + 1 + 7.5) / 3;

    private record Scheduled(long dueTick, long order, GeneratedChange change) {
    }

    private record OngoingAnomaly(Anomaly kind, GeneratedAccount account, int remaining) {
    }

    private final SeededRandom random;
    private final Population population;
    private final Map<String, List<GeneratedMerchant>> merchantsByCountry;
    private final List<GeneratedMerchant> onlineMerchants;
    private final double anomalyStartProbability;
    private final PriorityQueue<Scheduled> due = new PriorityQueue<>(
            Comparator.comparingLong(Scheduled::dueTick).thenComparingLong(Scheduled::order));
    private long tick;
    private long scheduled;
    private OngoingAnomaly ongoing;

    /**
     * @param anomalyShare the share of transactions that belong to an anomaly, from 0 to 1
     */
    public TransactionGenerator(long seed, double anomalyShare, int accounts, int merchants) {
        this.random = new SeededRandom(seed);
        this.population = Population.generate(random, accounts, merchants);
        this.merchantsByCountry = population.merchants().stream().collect(Collectors.groupingBy(GeneratedMerchant::country));
        this.onlineMerchants = population.merchants().stream()
                .filter(merchant -> merchant.category() == MerchantCategory.ONLINE_MARKETPLACE
                        || merchant.category() == MerchantCategory.ELECTRONICS || merchant.category() == MerchantCategory.GAMBLING)
                .toList();
        // Anomalies last several transactions: start them so that the expected share of anomalous ones is anomalyShare.
        this.anomalyStartProbability = anomalyShare / (anomalyShare + MEAN_ANOMALY_LENGTH * (1 - anomalyShare));
    }

    public Population population() {
        return population;
    }

    /** The lifecycle steps due now, then one new transaction. */
    public List<GeneratedChange> nextTick() {
        tick++;
        List<GeneratedChange> changes = new ArrayList<>();
        while (!due.isEmpty() && due.peek().dueTick() <= tick) {
            changes.add(due.poll().change());
        }
        GeneratedTransaction transaction = nextTransaction();
        changes.add(new Insert(transaction));
        TransactionStatus status = TransactionStatus.PENDING;
        for (Step step : transaction.plan()) {
            GeneratedChange change = step.isDeletion()
                    ? new Removal(transaction.id(), status)
                    : new StatusChange(transaction.id(), status, step.target(), step.reason());
            due.add(new Scheduled(tick + step.afterTicks(), scheduled++, change));
            status = step.isDeletion() ? status : step.target();
        }
        return changes;
    }

    /** A new transaction with its planned lifecycle, without scheduling it (the bulk load writes its final status). */
    public GeneratedTransaction nextTransaction() {
        if (ongoing == null && random.chance(anomalyStartProbability)) {
            ongoing = startAnomaly();
        }
        if (ongoing == null) {
            return ordinary(random.pick(population.accounts()), null);
        }
        OngoingAnomaly anomaly = ongoing;
        ongoing = anomaly.remaining() > 1 ? new OngoingAnomaly(anomaly.kind(), anomaly.account(), anomaly.remaining() - 1) : null;
        return switch (anomaly.kind()) {
            case BURST -> cardPayment(anomaly.account(), random.pick(onlineMerchants), Channel.ONLINE, Anomaly.BURST, 1);
            case LARGE_AMOUNT -> ordinary(anomaly.account(), Anomaly.LARGE_AMOUNT);
            case FOREIGN_SPIKE -> withdrawal(anomaly.account(), random.pick(Geography.SPIKE_COUNTRIES), Anomaly.FOREIGN_SPIKE);
        };
    }

    private OngoingAnomaly startAnomaly() {
        GeneratedAccount account = random.pick(population.accounts());
        return switch (random.pick(Anomaly.values())) {
            case BURST -> new OngoingAnomaly(Anomaly.BURST, account, random.between(10, 20));
            case LARGE_AMOUNT -> new OngoingAnomaly(Anomaly.LARGE_AMOUNT, account, 1);
            case FOREIGN_SPIKE -> new OngoingAnomaly(Anomaly.FOREIGN_SPIKE, account, random.between(5, 10));
        };
    }

    private GeneratedTransaction ordinary(GeneratedAccount account, Anomaly anomaly) {
        double factor = anomaly == Anomaly.LARGE_AMOUNT ? random.between(100.0, 1000.0) : 1;
        int kind = random.between(1, 100);
        if (kind <= 74) {
            GeneratedMerchant merchant = merchantFor(account);
            return cardPayment(account, merchant, channelFor(merchant.category()), anomaly, factor);
        } else if (kind <= 82) {
            String country = random.chance(DOMESTIC_WITHDRAWAL_SHARE) ? account.homeCountry() : random.pick(Geography.TRAVEL_COUNTRIES);
            return withdrawal(account, country, anomaly);
        } else if (kind <= 91) {
            return withoutMerchant(account, TransactionType.TRANSFER, anomaly, factor);
        } else if (kind <= 96) {
            return withoutMerchant(account, TransactionType.DEPOSIT, anomaly, factor);
        }
        GeneratedMerchant merchant = merchantFor(account);
        Spending.LogNormal spending = Spending.of(merchant.category());
        return transaction(account, merchant, TransactionType.REFUND, amount(spending, account.currency(), factor),
                channelFor(merchant.category()), merchant.country(), anomaly);
    }

    private GeneratedTransaction cardPayment(GeneratedAccount account, GeneratedMerchant merchant, Channel channel, Anomaly anomaly,
                                             double factor) {
        return transaction(account, merchant, TransactionType.CARD_PAYMENT, amount(Spending.of(merchant.category()), account.currency(), factor),
                channel, merchant.country(), anomaly);
    }

    private GeneratedTransaction withdrawal(GeneratedAccount account, String country, Anomaly anomaly) {
        double factor = anomaly == Anomaly.FOREIGN_SPIKE ? 3 : 1;
        return transaction(account, null, TransactionType.WITHDRAWAL, amount(Spending.of(TransactionType.WITHDRAWAL), account.currency(), factor),
                Channel.ATM, country, anomaly);
    }

    private GeneratedTransaction withoutMerchant(GeneratedAccount account, TransactionType type, Anomaly anomaly, double factor) {
        Channel channel = random.chance(0.6) ? Channel.MOBILE : Channel.ONLINE;
        return transaction(account, null, type, amount(Spending.of(type), account.currency(), factor), channel, account.homeCountry(), anomaly);
    }

    private GeneratedTransaction transaction(GeneratedAccount account, GeneratedMerchant merchant, TransactionType type, BigDecimal amount,
                                             Channel channel, String country, Anomaly anomaly) {
        UUID id = random.uuid();
        return new GeneratedTransaction(id, account.id(), merchant == null ? null : merchant.id(), type, amount, account.currency(),
                channel, country, anomaly, lifecycle(channel, anomaly));
    }

    /** Mostly at home; sometimes abroad, at a merchant in a travel destination. */
    private GeneratedMerchant merchantFor(GeneratedAccount account) {
        List<GeneratedMerchant> domestic = merchantsByCountry.get(account.homeCountry());
        if (domestic == null || random.chance(FOREIGN_PAYMENT_SHARE)) {
            GeneratedMerchant any;
            do {
                any = random.pick(population.merchants());
            } while (any.country().equals(account.homeCountry()));
            return any;
        }
        return random.pick(domestic);
    }

    private Channel channelFor(MerchantCategory category) {
        if (category == MerchantCategory.ONLINE_MARKETPLACE || category == MerchantCategory.AIRLINE) {
            return random.chance(0.8) ? Channel.ONLINE : Channel.MOBILE;
        }
        int draw = random.between(1, 100);
        return draw <= 70 ? Channel.POS : draw <= 85 ? Channel.ONLINE : Channel.MOBILE;
    }

    /** Log-normal in euros, converted, rounded to the currency's minor unit, within (0, 1,000,000,000]. */
    private BigDecimal amount(Spending.LogNormal spending, String currency, double factor) {
        double units = random.logNormal(spending.medianEuros(), spending.sigma()) * factor * Geography.unitsPerEuro(currency);
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        BigDecimal smallest = BigDecimal.ONE.movePointLeft(digits);
        BigDecimal amount = BigDecimal.valueOf(units).setScale(digits, RoundingMode.HALF_EVEN);
        return amount.max(smallest).min(MAX_AMOUNT);
    }

    /**
     * Authorized within seconds, settled later, sometimes reversed; declined more often when suspicious, and a declined
     * (or abandoned pending) transaction is sometimes deleted.
     */
    private List<Step> lifecycle(Channel channel, Anomaly anomaly) {
        List<Step> steps = new ArrayList<>();
        if (random.chance(0.01)) {
            steps.add(new Step(random.between(1, 3), null, null));
            return steps;
        }
        double declineProbability = anomaly == null ? 0.05 : anomaly == Anomaly.BURST ? 0.15 : 0.35;
        int at = random.between(1, 3);
        if (random.chance(declineProbability)) {
            steps.add(new Step(at, TransactionStatus.DECLINED, declineReason(channel, anomaly)));
            if (random.chance(0.3)) {
                steps.add(new Step(at + random.between(20, 200), null, null));
            }
            return steps;
        }
        steps.add(new Step(at, TransactionStatus.AUTHORIZED, null));
        if (random.chance(0.03)) {
            steps.add(new Step(at + random.between(5, 60), TransactionStatus.REVERSED, null));
            return steps;
        }
        at += random.between(10, 120);
        steps.add(new Step(at, TransactionStatus.SETTLED, null));
        if (random.chance(0.01)) {
            steps.add(new Step(at + random.between(20, 300), TransactionStatus.REVERSED, null));
        }
        return steps;
    }

    private DeclineReason declineReason(Channel channel, Anomaly anomaly) {
        if (anomaly != null) {
            return random.chance(0.7) ? DeclineReason.SUSPECTED_FRAUD : DeclineReason.LIMIT_EXCEEDED;
        }
        int draw = random.between(1, 100);
        if (draw <= 40) {
            return DeclineReason.INSUFFICIENT_FUNDS;
        } else if (draw <= 60) {
            return DeclineReason.DO_NOT_HONOUR;
        } else if (draw <= 75) {
            return channel == Channel.POS || channel == Channel.ATM ? DeclineReason.INCORRECT_PIN : DeclineReason.SUSPECTED_FRAUD;
        } else if (draw <= 85) {
            return DeclineReason.CARD_EXPIRED;
        }
        return DeclineReason.LIMIT_EXCEEDED;
    }
}
