package org.cdcpipeline.notifier.events;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.faulttolerance.api.ExponentialBackoff;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.jboss.logging.Logger;

/**
 * Runs a batch's database and Kafka work again, with a growing pause, until it succeeds. The notifier's own PostgreSQL
 * or broker being away for a while is no reason to skip a batch: the consumer waits where it is, later events stay
 * behind it in order, and processing a batch twice changes nothing. The retries are counted on {@code /q/metrics}
 * ({@code ft_retry_retries_total}).
 */
@ApplicationScoped
public class BatchRetry {

    private static final Logger LOG = Logger.getLogger(BatchRetry.class);

    /** The work of one batch: each attempt starts its own database transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws InterruptedException;
    }

    @Retry(maxRetries = -1, maxDuration = 0, delay = 500, delayUnit = ChronoUnit.MILLIS, abortOn = InterruptedException.class)
    @ExponentialBackoff(maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    public <T> T untilDone(String batch, Work<T> work) throws InterruptedException {
        try {
            return work.run();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not process %s; trying again", batch);
            throw e;
        }
    }
}
