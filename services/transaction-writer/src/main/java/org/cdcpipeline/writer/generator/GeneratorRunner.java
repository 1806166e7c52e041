package org.cdcpipeline.writer.generator;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.cdcpipeline.writer.config.GeneratorConfig;
import org.cdcpipeline.writer.domain.DomainException;
import org.cdcpipeline.writer.domain.TransactionMetrics.Source;
import org.jboss.logging.Logger;

/**
 * Runs one {@link TransactionGenerator} at a time on its own thread, paced by {@link System#nanoTime()}: tick n is due
 * n / rate seconds after the start, and every tick that is due is written in one batch, so the rate holds even when a
 * single write takes longer than one tick's share of a second.
 */
@ApplicationScoped
public class GeneratorRunner {

    private static final Logger LOG = Logger.getLogger(GeneratorRunner.class);
    /** Bounds one batch, so a database that stalls does not make the generator build an unbounded list. */
    private static final int MAX_TICKS_PER_BATCH = 2_000;
    private static final long RETRY_PAUSE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final GeneratorConfig config;
    private final ChangeWriter writer;
    private volatile Run current;

    GeneratorRunner(GeneratorConfig config, ChangeWriter writer, MeterRegistry registry) {
        this.config = config;
        this.writer = writer;
        registry.gauge("cdc.generator.rate", this, runner -> runner.status().actualRate());
        registry.gauge("cdc.generator.target.rate", this, runner -> runner.current != null && runner.current.isRunning() ? runner.current.rate : 0);
    }

    void startFromConfiguration(@Observes StartupEvent started) {
        if (config.enabled()) {
            start(config.rate(), config.seed(), config.anomalyShare());
        }
    }

    void stopOnShutdown(@Observes ShutdownEvent shutdown) {
        stop();
    }

    /** @throws DomainException (conflict) when a run is going on already */
    public synchronized GeneratorStatus start(double rate, OptionalLong seed, double anomalyShare) {
        if (current != null && current.isRunning()) {
            throw DomainException.alreadyRunning("generator");
        }
        long chosenSeed = seed.orElseGet(() -> new SecureRandom().nextLong());
        current = new Run(rate, chosenSeed, anomalyShare);
        current.thread.start();
        LOG.infof("Generator started: %.1f transactions/s, seed %d, anomaly share %.3f", rate, chosenSeed, anomalyShare);
        return current.status();
    }

    /** Finishes the batch in flight, then returns the final status; does nothing when no run is going on. */
    public synchronized GeneratorStatus stop() {
        Run run = current;
        if (run != null && run.isRunning()) {
            run.stopRequested = true;
            LockSupport.unpark(run.thread);
            try {
                run.thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LOG.infof("Generator stopped: %d transactions created", run.created.get());
        }
        return status();
    }

    public GeneratorStatus status() {
        Run run = current;
        return run == null
                ? new GeneratorStatus(false, null, 0, 0, null, 0, 0, 0, 0, 0, null)
                : run.status();
    }

    private final class Run implements Runnable {
        final double rate;
        final long seed;
        final double anomalyShare;
        final Thread thread = Thread.ofPlatform().name("cdc-generator").daemon().unstarted(this);
        final Instant startedAt = Instant.now();
        final long startedNanos = System.nanoTime();
        final AtomicLong created = new AtomicLong();
        final AtomicLong updated = new AtomicLong();
        final AtomicLong deleted = new AtomicLong();
        final AtomicLong failedBatches = new AtomicLong();
        volatile long endedNanos;
        volatile String lastError;
        volatile boolean stopRequested;

        Run(double rate, long seed, double anomalyShare) {
            this.rate = rate;
            this.seed = seed;
            this.anomalyShare = anomalyShare;
        }

        boolean isRunning() {
            return thread.isAlive() || thread.getState() == Thread.State.NEW;
        }

        @Override
        public void run() {
            try {
                TransactionGenerator generator = new TransactionGenerator(seed, anomalyShare, config.accounts(), config.merchants());
                writePopulation(generator);
                long ticks = 0;
                long startNanos = System.nanoTime();
                while (!stopRequested) {
                    long due = (long) ((System.nanoTime() - startNanos) * rate / 1e9) + 1;
                    long batch = Math.min(due - ticks, MAX_TICKS_PER_BATCH);
                    if (batch <= 0) {
                        LockSupport.parkNanos(startNanos + (long) (ticks * 1e9 / rate) - System.nanoTime());
                        continue;
                    }
                    List<GeneratedChange> changes = new ArrayList<>();
                    for (long i = 0; i < batch; i++) {
                        changes.addAll(generator.nextTick());
                    }
                    ticks += batch;
                    write(changes);
                }
            } catch (RuntimeException e) {
                lastError = e.toString();
                LOG.error("Generator failed", e);
            } finally {
                endedNanos = System.nanoTime();
            }
        }

        private void writePopulation(TransactionGenerator generator) {
            while (!stopRequested) {
                try {
                    writer.writePopulation(generator.population());
                    return;
                } catch (SQLException e) {
                    failed(e);
                }
            }
        }

        private void write(List<GeneratedChange> changes) {
            try {
                ChangeWriter.Written written = writer.write(changes, Source.GENERATOR);
                created.addAndGet(written.created());
                updated.addAndGet(written.updated());
                deleted.addAndGet(written.deleted());
            } catch (SQLException e) {
                failed(e);
            }
        }

        /** The batch is lost (its later lifecycle steps then change nothing); pause, then go on. */
        private void failed(SQLException e) {
            failedBatches.incrementAndGet();
            lastError = e.getMessage();
            LOG.warn("Generator batch failed: " + e.getMessage());
            LockSupport.parkNanos(RETRY_PAUSE_NANOS);
        }

        GeneratorStatus status() {
            long end = endedNanos == 0 ? System.nanoTime() : endedNanos;
            double seconds = (end - startedNanos) / 1e9;
            return new GeneratorStatus(isRunning(), seed, rate, anomalyShare, startedAt, created.get(), updated.get(), deleted.get(),
                    seconds > 0 ? created.get() / seconds : 0, failedBatches.get(), lastError);
        }
    }
}
