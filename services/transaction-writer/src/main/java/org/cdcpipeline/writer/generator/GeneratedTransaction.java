package org.cdcpipeline.writer.generator;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.cdcpipeline.events.TransactionStatus;
import org.cdcpipeline.writer.domain.Channel;
import org.cdcpipeline.writer.domain.DeclineReason;
import org.cdcpipeline.writer.domain.TransactionType;

/**
 * A new PENDING transaction and the rest of its life, decided when it is born so that the whole sequence follows
 * from the seed.
 *
 * @param anomaly null for an ordinary transaction
 * @param plan    later steps, each a number of ticks after the creation, in increasing order
 */
public record GeneratedTransaction(UUID id, UUID accountId, UUID merchantId, TransactionType type, BigDecimal amount,
                                   String currency, Channel channel, String country, Anomaly anomaly, List<Step> plan) {

    /** A status change, or the deletion when {@code target} is null. */
    public record Step(int afterTicks, TransactionStatus target, DeclineReason reason) {

        boolean isDeletion() {
            return target == null;
        }
    }

    /** The status the transaction ends its life with (a deleted one keeps the status it was deleted in). */
    public TransactionStatus finalStatus() {
        return plan.stream().filter(step -> !step.isDeletion()).reduce((first, second) -> second)
                .map(Step::target).orElse(TransactionStatus.PENDING);
    }

    /** The decline reason of {@link #finalStatus()}, if it is DECLINED. */
    public DeclineReason finalDeclineReason() {
        return plan.stream().filter(step -> step.target() == TransactionStatus.DECLINED).map(Step::reason).findFirst().orElse(null);
    }
}
