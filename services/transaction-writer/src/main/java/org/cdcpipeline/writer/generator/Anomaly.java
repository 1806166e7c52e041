package org.cdcpipeline.writer.generator;

/** Deliberately suspicious patterns, so the notifier's rules have something to find. */
public enum Anomaly {
    /** 10 to 20 online payments on one account in quick succession. */
    BURST,
    /** One payment 100 to 1,000 times the usual amount. */
    LARGE_AMOUNT,
    /** 5 to 10 cash withdrawals on one account in countries its owner never visits. */
    FOREIGN_SPIKE
}
