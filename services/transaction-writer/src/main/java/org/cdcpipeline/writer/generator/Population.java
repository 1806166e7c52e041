package org.cdcpipeline.writer.generator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import net.datafaker.Faker;
import org.cdcpipeline.writer.domain.MerchantCategory;
import org.iban4j.CountryCode;
import org.iban4j.Iban;

/** The customers and shops the generated transactions happen between. */
public record Population(List<GeneratedAccount> accounts, List<GeneratedMerchant> merchants) {

    /** Share of merchants abroad, in the travel destinations. */
    private static final double FOREIGN_MERCHANT_SHARE = 0.15;

    static Population generate(SeededRandom random, int accountCount, int merchantCount) {
        Map<String, Faker> fakers = new HashMap<>();
        Set<String> ibans = new HashSet<>();
        List<GeneratedAccount> accounts = new ArrayList<>();
        for (int i = 0; i < accountCount; i++) {
            Geography.HomeCountry home = random.weighted(Geography.HOME_COUNTRIES, Geography.HomeCountry::weight);
            Faker faker = fakers.computeIfAbsent(home.code(), code -> new Faker(home.locale(), random.asRandom()));
            String iban;
            do {
                iban = new Iban.Builder(random.asRandom()).countryCode(CountryCode.getByCode(home.code())).buildRandom().toString();
            } while (!ibans.add(iban));
            accounts.add(new GeneratedAccount(random.uuid(), faker.name().fullName(), iban, home.code(), home.currency()));
        }
        Faker english = new Faker(Locale.ENGLISH, random.asRandom());
        List<GeneratedMerchant> merchants = new ArrayList<>();
        for (int i = 0; i < merchantCount; i++) {
            MerchantCategory category = random.pick(MerchantCategory.values());
            String country = random.chance(FOREIGN_MERCHANT_SHARE)
                    ? random.pick(Geography.TRAVEL_COUNTRIES)
                    : random.weighted(Geography.HOME_COUNTRIES, Geography.HomeCountry::weight).code();
            merchants.add(new GeneratedMerchant(random.uuid(), merchantName(english, category), category, country));
        }
        return new Population(List.copyOf(accounts), List.copyOf(merchants));
    }

    private static String merchantName(Faker faker, MerchantCategory category) {
        return switch (category) {
            case RESTAURANT -> faker.restaurant().name();
            case AIRLINE -> faker.aviation().airline();
            case HOTEL -> "Hotel " + faker.address().cityName();
            case GROCERY -> faker.company().name() + " Market";
            case FUEL -> faker.company().name() + " Fuel";
            case PHARMACY -> faker.address().cityName() + " Pharmacy";
            case TAXI -> faker.address().cityName() + " Cabs";
            default -> faker.company().name();
        };
    }
}
