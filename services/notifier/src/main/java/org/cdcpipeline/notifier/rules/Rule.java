package org.cdcpipeline.notifier.rules;

import java.util.Map;
import java.util.Optional;

/** One business rule: looks at a change of a transaction and may find something worth a notification. */
public interface Rule {

    /** Stable name, part of every notification id: renaming a rule would post its alerts again. */
    String name();

    String description();

    boolean enabled();

    /** The rule's settings, as shown by {@code GET /api/rules}. */
    Map<String, Object> settings();

    Optional<Finding> evaluate(TransactionChange change);
}
