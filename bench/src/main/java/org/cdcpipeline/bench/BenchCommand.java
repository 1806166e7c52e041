package org.cdcpipeline.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.cdcpipeline.bench.report.JsonResults;
import org.cdcpipeline.bench.report.LatencyChart;
import org.cdcpipeline.bench.report.Results;
import org.cdcpipeline.bench.report.ResultsTable;
import org.cdcpipeline.bench.stack.Stack;
import org.cdcpipeline.embedded.postgres.PostgresServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./bench/run}: the benchmark suite against the embedded pipeline. The last line printed is the summary. */
@Command(name = "bench/run", mixinStandardHelpOptions = true,
        description = {"Measures the embedded CDC pipeline (backlog drain, steady-state latency, resources) beside PostgreSQL's own logical decoding,",
                "and the notifier (start-up, commit → alert and → Slack post latency, backlog throughput)."})
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--rows", defaultValue = "1000000", description = "transactions in the backlog (default: ${DEFAULT-VALUE})")
    long rows;

    @Option(names = "--rows-per-commit", defaultValue = "10000", description = "rows per COPY transaction (default: ${DEFAULT-VALUE})")
    int rowsPerCommit;

    @Option(names = "--rates", split = ",", defaultValue = "500,1000,2000,5000", description = "steady-state commit rates, tx/s (default: ${DEFAULT-VALUE})")
    List<Integer> rates;

    @Option(names = "--steady-seconds", defaultValue = "10", description = "seconds each rate is offered (default: ${DEFAULT-VALUE})")
    double steadySeconds;

    @Option(names = "--writers", defaultValue = "8", description = "connections the paced writer takes turns on (default: ${DEFAULT-VALUE})")
    int writers;

    @Option(names = "--postgres-defaults", description = "run PostgreSQL without the benchmark's WAL settings, to measure what they move")
    boolean postgresDefaults;

    @Option(names = "--set", description = "a connector setting to try on the tuned connector over the shipped ones, e.g. --set max.batch.size=4096 (repeatable)")
    Map<String, String> tunedOverrides = new LinkedHashMap<>();

    @Option(names = "--profile", description = "record the broker, Kafka Connect and the notifier with Java Flight Recorder into the --out directory")
    boolean profile;

    @Option(names = "--scenarios", split = ",", defaultValue = "pipeline,notifier",
            description = "which scenarios run: pipeline (the connectors' drain, steady state, decoding, resources), notifier, or both (default: ${DEFAULT-VALUE})")
    Set<Scenario> scenarios;

    @Option(names = "--notifier-app", defaultValue = "${sys:cdc.notifier.app:-services/notifier/target/quarkus-app}",
            description = "the notifier's built application, the folder holding quarkus-run.jar (default: ${DEFAULT-VALUE})")
    Path notifierApp;

    @Option(names = "--notifier-rates", split = ",", defaultValue = "100,1000", description = "notifier scenario: paced commit rates, tx/s (default: ${DEFAULT-VALUE})")
    List<Integer> notifierRates;

    @Option(names = "--notifier-seconds", defaultValue = "120", description = "notifier scenario: seconds each rate is offered (default: ${DEFAULT-VALUE})")
    double notifierSeconds;

    @Option(names = "--notifier-alerts-per-s", defaultValue = "0.8",
            description = "notifier scenario: rows per second the large-amount rule flags; ≤ 1 keeps each alert its own Slack message (default: ${DEFAULT-VALUE})")
    double notifierAlertsPerSecond;

    @Option(names = "--notifier-backlog", defaultValue = "100000", description = "notifier scenario: change events waiting when it starts (default: ${DEFAULT-VALUE})")
    long notifierBacklog;

    @Option(names = "--out", defaultValue = "bench/results", description = "directory for results.json and the chart (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--keep-work-dir", description = "keep the data and logs of PostgreSQL, Kafka and Connect after the run")
    boolean keepWorkDirectory;

    public static void main(String[] args) {
        System.exit(commandLine(new BenchCommand()).execute(args));
    }

    static CommandLine commandLine(BenchCommand command) {
        return new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public Integer call() throws Exception {
        run(options(), System.out, keepWorkDirectory);
        return 0;
    }

    /** The options given, checked. */
    BenchOptions options() {
        if (rows <= 0 || rowsPerCommit <= 0 || rates.isEmpty() || rates.stream().anyMatch(rate -> rate <= 0) || steadySeconds <= 0 || writers <= 0) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--rows, --rows-per-commit, --rates, --steady-seconds and --writers must be positive");
        }
        if (notifierRates.isEmpty() || notifierRates.stream().anyMatch(rate -> rate <= 0) || notifierSeconds <= 0 || notifierBacklog <= 0
                || notifierAlertsPerSecond <= 0 || notifierAlertsPerSecond > notifierRates.stream().min(Integer::compare).orElseThrow()) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--notifier-rates, --notifier-seconds and --notifier-backlog must be positive, and --notifier-alerts-per-s between 0 and the lowest rate");
        }
        NotifierOptions notifier = new NotifierOptions(notifierApp, notifierRates, notifierSeconds, notifierAlertsPerSecond, notifierBacklog);
        return new BenchOptions(rows, rowsPerCommit, rates, steadySeconds, writers, !postgresDefaults, tunedOverrides, profile, out,
                EnumSet.copyOf(scenarios), notifier);
    }

    /** Runs the suite, writes results.json and the chart to {@code options.out()} and prints the table and the summary line. */
    public static Results run(BenchOptions options, PrintStream out, boolean keepWorkDirectory) throws Exception {
        Path work = Files.createTempDirectory("cdc-bench-");
        boolean succeeded = false;
        try {
            Results results = new Benchmark(options, out).run(work);
            Path json = JsonResults.write(results, options.out());
            Path chart = LatencyChart.write(results, options.out());
            ResultsTable.print(results, out);
            out.println();
            out.println("Results: " + json + ", chart: " + chart);
            out.println(results.summary().line());
            succeeded = true;
            return results;
        } finally {
            if (succeeded && !keepWorkDirectory) {
                // PostgreSQL may keep its files outside the work directory (an unprivileged account's directory when run as root).
                deleteTree(PostgresServer.homeFor(Stack.stateDirectory(work)));
                deleteTree(work);
            } else {
                System.err.println("Data and logs of the run: " + work);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
