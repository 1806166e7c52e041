package org.cdcpipeline.bench;

/** The groups of scenarios one run can be limited to ({@code --scenarios}). */
public enum Scenario {
    /** Issue 7's scenarios: backlog drain, steady state, logical decoding, resources, for the tuned and the stock connector. */
    PIPELINE,
    /** The notifier's: start-up, commit → alert decision and → Slack post at paced rates, and a backlog drain. */
    NOTIFIER
}
