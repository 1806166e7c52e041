package org.cdcpipeline.writer.generator;

import java.time.Instant;

/**
 * What the generator does now, or did in its last run.
 *
 * @param actualRate transactions created per second since the start (or over the whole last run)
 */
public record GeneratorStatus(boolean running, Long seed, double targetRate, double anomalyShare, Instant startedAt,
                              long transactionsCreated, long transactionsUpdated, long transactionsDeleted,
                              double actualRate, long failedBatches, String lastError) {
}
