package org.cdcpipeline.notifier.rules;

/** How urgently a person should look at a notification. */
public enum Severity {
    INFO, WARNING, CRITICAL
}
