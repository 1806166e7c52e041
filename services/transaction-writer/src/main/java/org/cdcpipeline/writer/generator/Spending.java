package org.cdcpipeline.writer.generator;

import java.util.EnumMap;
import java.util.Map;

import org.cdcpipeline.writer.domain.MerchantCategory;
import org.cdcpipeline.writer.domain.TransactionType;

/**
 * Typical amounts: each kind of spending is log-normal, given by its median in euros and the spread (sigma) of the
 * logarithm. A sigma of 0.7 puts about 90% of payments between a third and three times the median.
 */
final class Spending {

    record LogNormal(double medianEuros, double sigma) {
    }

    private static final Map<MerchantCategory, LogNormal> BY_CATEGORY = new EnumMap<>(Map.ofEntries(
            Map.entry(MerchantCategory.GROCERY, new LogNormal(35, 0.7)),
            Map.entry(MerchantCategory.RESTAURANT, new LogNormal(28, 0.6)),
            Map.entry(MerchantCategory.FUEL, new LogNormal(60, 0.4)),
            Map.entry(MerchantCategory.PHARMACY, new LogNormal(18, 0.7)),
            Map.entry(MerchantCategory.CLOTHING, new LogNormal(65, 0.8)),
            Map.entry(MerchantCategory.ELECTRONICS, new LogNormal(180, 1.0)),
            Map.entry(MerchantCategory.ONLINE_MARKETPLACE, new LogNormal(40, 0.9)),
            Map.entry(MerchantCategory.AIRLINE, new LogNormal(320, 0.7)),
            Map.entry(MerchantCategory.HOTEL, new LogNormal(240, 0.7)),
            Map.entry(MerchantCategory.TAXI, new LogNormal(22, 0.6)),
            Map.entry(MerchantCategory.ENTERTAINMENT, new LogNormal(25, 0.6)),
            Map.entry(MerchantCategory.UTILITIES, new LogNormal(90, 0.5)),
            Map.entry(MerchantCategory.JEWELRY, new LogNormal(450, 1.0)),
            Map.entry(MerchantCategory.GAMBLING, new LogNormal(50, 1.2))));

    private static final Map<TransactionType, LogNormal> WITHOUT_MERCHANT = new EnumMap<>(Map.of(
            TransactionType.WITHDRAWAL, new LogNormal(120, 0.6),
            TransactionType.TRANSFER, new LogNormal(250, 1.1),
            TransactionType.DEPOSIT, new LogNormal(800, 0.9)));

    private Spending() {
    }

    static LogNormal of(MerchantCategory category) {
        return BY_CATEGORY.get(category);
    }

    static LogNormal of(TransactionType typeWithoutMerchant) {
        return WITHOUT_MERCHANT.get(typeWithoutMerchant);
    }
}
