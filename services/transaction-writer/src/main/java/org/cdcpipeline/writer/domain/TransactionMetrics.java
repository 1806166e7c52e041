package org.cdcpipeline.writer.domain;

import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Counts the changes this service makes to transactions, whether through the API, the generator or a bulk load. */
@ApplicationScoped
public class TransactionMetrics {

    public enum Source {
        API, GENERATOR, BULK
    }

    private final MeterRegistry registry;

    TransactionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void created(Source source, long count) {
        counter("cdc.writer.transactions.created", source).increment(count);
    }

    public void updated(Source source, long count) {
        counter("cdc.writer.transactions.updated", source).increment(count);
    }

    public void deleted(Source source, long count) {
        counter("cdc.writer.transactions.deleted", source).increment(count);
    }

    private Counter counter(String name, Source source) {
        return registry.counter(name, "source", source.name().toLowerCase(Locale.ROOT));
    }
}
