package org.cdcpipeline.writer.generator;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Where the generated customers live, where they travel, and how many units of their currency make one euro. */
final class Geography {

    /** A country accounts are opened in: its currency and the locale datafaker draws owner names from. */
    record HomeCountry(String code, String currency, Locale locale, int weight) {
    }

    static final List<HomeCountry> HOME_COUNTRIES = List.of(
            new HomeCountry("DE", "EUR", Locale.GERMANY, 20),
            new HomeCountry("FR", "EUR", Locale.FRANCE, 15),
            new HomeCountry("GB", "GBP", Locale.UK, 12),
            new HomeCountry("ES", "EUR", Locale.forLanguageTag("es-ES"), 10),
            new HomeCountry("IT", "EUR", Locale.ITALY, 10),
            new HomeCountry("NL", "EUR", Locale.forLanguageTag("nl-NL"), 8),
            new HomeCountry("PL", "PLN", Locale.forLanguageTag("pl-PL"), 6),
            new HomeCountry("SE", "SEK", Locale.forLanguageTag("sv-SE"), 4),
            new HomeCountry("CH", "CHF", Locale.forLanguageTag("de-CH"), 4),
            new HomeCountry("AT", "EUR", Locale.forLanguageTag("de-AT"), 4),
            new HomeCountry("BE", "EUR", Locale.forLanguageTag("nl-BE"), 3),
            new HomeCountry("DK", "DKK", Locale.forLanguageTag("da-DK"), 2),
            new HomeCountry("PT", "EUR", Locale.forLanguageTag("pt-PT"), 2));

    /** Ordinary holiday and business destinations: some merchants are there. */
    static final List<String> TRAVEL_COUNTRIES = List.of("US", "TR", "TH", "AE", "JP", "MX", "GR", "HR");

    /** Countries none of the customers normally visit: cash withdrawals there are the "foreign spike" anomaly. */
    static final List<String> SPIKE_COUNTRIES = List.of("BR", "NG", "PH", "VN", "KH", "PE", "KE", "ID");

    private static final Map<String, Double> UNITS_PER_EURO = Map.of(
            "EUR", 1.0, "GBP", 0.86, "PLN", 4.3, "SEK", 11.3, "CHF", 0.95, "DKK", 7.46);

    private Geography() {
    }

    static double unitsPerEuro(String currency) {
        return UNITS_PER_EURO.get(currency);
    }
}
