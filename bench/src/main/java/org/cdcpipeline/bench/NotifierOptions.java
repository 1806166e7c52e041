package org.cdcpipeline.bench;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

/**
 * What the notifier scenarios run.
 *
 * @param app             the notifier's built application (the folder holding {@code quarkus-run.jar})
 * @param rates           paced commit rates, transactions per second
 * @param seconds         how long each rate is offered
 * @param alertsPerSecond rows per second with an amount the large-amount rule flags, at every rate; at most one
 *                        per second keeps each alert its own Slack message (the notifier posts at most one message per
 *                        second to a channel, and groups what piles up meanwhile into a digest)
 * @param backlog         change events waiting for the notifier when it starts, for its throughput
 */
public record NotifierOptions(@JsonSerialize(using = ToStringSerializer.class) Path app, List<Integer> rates, double seconds,
                              double alertsPerSecond, long backlog) {

    /** The rate of the headline commit → decision p99: 1,000 tx/s when offered (issue 7), otherwise the lowest rate. */
    public int decisionHeadlineRate() {
        return rates.contains(1000) ? 1000 : lowestRate();
    }

    /** The rate of the headline commit → Slack p99: 100 tx/s when offered (issue 5), otherwise the lowest rate. */
    public int slackHeadlineRate() {
        return rates.contains(100) ? 100 : lowestRate();
    }

    /** Every how many rows one is flagged at this rate, so that about {@link #alertsPerSecond} are. */
    public long flagEvery(int rate) {
        return Math.max(1, Math.round(rate / alertsPerSecond));
    }

    private int lowestRate() {
        return rates.stream().min(Integer::compare).orElseThrow();
    }
}
