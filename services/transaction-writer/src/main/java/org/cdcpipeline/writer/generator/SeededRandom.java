package org.cdcpipeline.writer.generator;

import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.ToIntFunction;

/**
 * The generator's only source of randomness, ids included: the same seed gives the same data. Not thread-safe by
 * design: one generator draws from it in one order.
 */
final class SeededRandom {

    private final Random random;

    SeededRandom(long seed) {
        this.random = new Random(seed);
    }

    /** For libraries that draw from a {@link Random} themselves (datafaker, iban4j). */
    Random asRandom() {
        return random;
    }

    /** A version-4 UUID made of seeded bits. */
    UUID uuid() {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** Uniform in [min, max], both inclusive. */
    int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    double between(double min, double max) {
        return min + random.nextDouble() * (max - min);
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    <T> T pick(T[] items) {
        return items[random.nextInt(items.length)];
    }

    <T> T weighted(List<T> items, ToIntFunction<T> weight) {
        int total = items.stream().mapToInt(weight).sum();
        int draw = random.nextInt(total);
        for (T item : items) {
            draw -= weight.applyAsInt(item);
            if (draw < 0) {
                return item;
            }
        }
        throw new IllegalStateException("weights changed while drawing");
    }

    /** A log-normal draw: {@code median * e^(sigma * N(0,1))}. */
    double logNormal(double median, double sigma) {
        return median * Math.exp(sigma * random.nextGaussian());
    }
}
