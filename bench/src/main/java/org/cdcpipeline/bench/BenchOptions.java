package org.cdcpipeline.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

/**
 * What to run.
 *
 * @param rows           transactions in the backlog (scenario 1) and decoded by PostgreSQL (scenario 3)
 * @param rowsPerCommit  rows per COPY transaction of the bulk load
 * @param rates          offered commit rates of the steady state (scenario 2), transactions per second
 * @param steadySeconds  how long each rate is offered
 * @param writers        connections the paced writer takes turns on
 * @param tunePostgres   apply the WAL settings, or run PostgreSQL with its defaults (plus logical decoding)
 * @param tunedOverrides connector settings tried over the shipped ones for the tuned connector (usually none)
 * @param profile        record the broker, Connect and the notifier with Java Flight Recorder (*.jfr beside the results)
 * @param out            where results.json and the chart go
 * @param scenarios      which groups of scenarios run
 * @param notifier       what the notifier scenarios run
 */
public record BenchOptions(long rows, int rowsPerCommit, List<Integer> rates, double steadySeconds, int writers, boolean tunePostgres,
                           Map<String, String> tunedOverrides, boolean profile,
                           @JsonSerialize(using = ToStringSerializer.class) Path out,
                           Set<Scenario> scenarios, NotifierOptions notifier) {

    public boolean runs(Scenario scenario) {
        return scenarios.contains(scenario);
    }

    /** The rate whose p99 is the headline: 1,000 tx/s when offered, otherwise the lowest rate. */
    public int headlineRate() {
        return rates.contains(1000) ? 1000 : rates.stream().min(Integer::compare).orElseThrow();
    }
}
