package org.cdcpipeline.writer.domain;

import java.time.Instant;
import java.util.UUID;

import org.cdcpipeline.events.TransactionStatus;

/** Criteria of a transaction listing; a null criterion matches everything. {@code from} is inclusive, {@code to} exclusive. */
public record TransactionFilter(UUID accountId, TransactionStatus status, Instant from, Instant to) {
}
