package org.cdcpipeline.writer.config;

import java.util.OptionalLong;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;

/** {@code cdc.generator.*}: the fake-transaction generator, also started and stopped over REST. */
@ConfigMapping(prefix = "cdc.generator")
public interface GeneratorConfig {

    /** Start generating when the service starts (env CDC_GENERATOR_ENABLED). */
    @WithDefault("false")
    boolean enabled();

    /** New transactions per second (env CDC_GENERATOR_RATE); lifecycle updates and deletes come on top. */
    @WithDefault("10")
    @Positive
    @Max(GeneratorLimits.MAX_RATE)
    double rate();

    /** Same seed, same data (env CDC_GENERATOR_SEED); unset means a new seed at each start. */
    OptionalLong seed();

    /** Share of transactions that are part of an anomaly, 0 to 1 (env CDC_GENERATOR_ANOMALY_SHARE). */
    @WithDefault("0.02")
    @DecimalMin("0")
    @DecimalMax("1")
    double anomalyShare();

    /** Accounts and merchants the generated transactions run between. */
    @WithDefault("500")
    @Positive
    int accounts();

    @WithDefault("200")
    @Positive
    int merchants();

    /** Limits shared by the configuration and the REST API. */
    final class GeneratorLimits {
        public static final long MAX_RATE = 5_000;
        public static final long MAX_BULK_ROWS = 10_000_000;

        private GeneratorLimits() {
        }
    }
}
