package org.cdcpipeline.writer.generator;

import java.util.UUID;

import org.cdcpipeline.events.TransactionStatus;
import org.cdcpipeline.writer.domain.DeclineReason;

/** One row change the generator asks for; the writer applies them in order. */
public sealed interface GeneratedChange {

    record Insert(GeneratedTransaction transaction) implements GeneratedChange {
    }

    record StatusChange(UUID transactionId, TransactionStatus from, TransactionStatus to, DeclineReason reason) implements GeneratedChange {
    }

    record Removal(UUID transactionId, TransactionStatus status) implements GeneratedChange {
    }
}
