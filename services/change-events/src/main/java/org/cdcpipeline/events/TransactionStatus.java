package org.cdcpipeline.events;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The lifecycle of a transaction, shared by the writer (which enforces it) and the notifier (which flags a change
 * that breaks it, e.g. one made with plain SQL behind the API's back).
 *
 * <pre>
 * PENDING ──authorize──▶ AUTHORIZED ──settle──▶ SETTLED
 *    │                       │                     │
 *  decline                reverse               reverse
 *    ▼                       ▼                     ▼
 * DECLINED               REVERSED ◀────────────────┘
 * </pre>
 */
public enum TransactionStatus {
    PENDING, AUTHORIZED, SETTLED, DECLINED, REVERSED;

    /** The statuses this one may move to; empty for the final ones. */
    public Set<TransactionStatus> next() {
        return switch (this) {
            case PENDING -> EnumSet.of(AUTHORIZED, DECLINED);
            case AUTHORIZED -> EnumSet.of(SETTLED, REVERSED);
            case SETTLED -> EnumSet.of(REVERSED);
            case DECLINED, REVERSED -> EnumSet.noneOf(TransactionStatus.class);
        };
    }

    public boolean canMoveTo(TransactionStatus target) {
        return next().contains(target);
    }

    public boolean isFinal() {
        return next().isEmpty();
    }

    /** The status named in a change event, if it is one this lifecycle knows (rows arrive as plain strings). */
    public static Optional<TransactionStatus> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
