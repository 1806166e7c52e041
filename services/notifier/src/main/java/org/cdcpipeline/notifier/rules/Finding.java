package org.cdcpipeline.notifier.rules;

import java.util.Map;

/**
 * What a rule found in one change, before it becomes a {@link Notification}.
 *
 * @param details the rule's own facts (e.g. the decline reason), in display order
 */
public record Finding(Severity severity, String title, Map<String, String> details) {

    public Finding {
        details = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
    }

    public static Finding of(Severity severity, String title) {
        return new Finding(severity, title, Map.of());
    }
}
