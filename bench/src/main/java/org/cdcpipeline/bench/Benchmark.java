package org.cdcpipeline.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.utils.AppInfoParser;
import org.cdcpipeline.bench.load.BankRows;
import org.cdcpipeline.bench.load.BulkLoader;
import org.cdcpipeline.bench.load.PacedWriter;
import org.cdcpipeline.bench.measure.Latencies;
import org.cdcpipeline.bench.measure.LogicalDecodingReader;
import org.cdcpipeline.bench.measure.MachineDescription;
import org.cdcpipeline.bench.measure.ProcessSampler;
import org.cdcpipeline.bench.measure.ProcessSampler.Usage;
import org.cdcpipeline.bench.measure.TopicReader;
import org.cdcpipeline.bench.report.Results;
import org.cdcpipeline.bench.stack.ConnectorVariant;
import org.cdcpipeline.bench.stack.Connectors;
import org.cdcpipeline.bench.stack.Credentials;
import org.cdcpipeline.bench.stack.NotifierProcess;
import org.cdcpipeline.bench.stack.Stack;
import org.cdcpipeline.bench.stack.StackSettings;

/**
 * Runs the scenarios in order on one stack and the same rows:
 * <ol>
 *   <li>both connectors snapshot the (empty) tables, then stop; the backlog is bulk-loaded; each connector in turn
 *       is resumed and drains it alone (scenario 1), while /proc is sampled (scenario 4);</li>
 *   <li>PostgreSQL decodes the same rows from a slot created before the load (scenario 3);</li>
 *   <li>each connector alone (the stock one, then the tuned one), each rate is offered in turn and every event's
 *       latency recorded (scenario 2);</li>
 *   <li>the notifier runs behind the tuned connector, the one left running ({@link NotifierScenarios}).</li>
 * </ol>
 * {@code --scenarios} runs the first three ({@link Scenario#PIPELINE}), the last ({@link Scenario#NOTIFIER}, with the
 * tuned connector only), or both.
 */
public final class Benchmark {

    private static final String PUBLICATION = "cdc_bank";
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(20);
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(30);
    private static final long WARM_UP_ROWS = 20_000;
    private static final String BENCH_DRIVER = "bench-driver (load + consumer)";

    private final BenchOptions options;
    private final PrintStream progress;

    public Benchmark(BenchOptions options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
    }

    /** The figures of the pipeline scenarios (1 to 4). */
    private record Pipeline(Results.Load load, List<Results.Drain> drains, Results.Decoding decoding, List<Results.Steady> steady) {
        static final Pipeline NOT_RUN = new Pipeline(null, List.of(), null, List.of());
    }

    public Results run(Path workDirectory) throws Exception {
        MachineDescription machine = MachineDescription.current();
        if (options.runs(Scenario.NOTIFIER)) {
            NotifierProcess.requireBuilt(options.notifier().app());
        }
        StackSettings stackSettings = options.profile()
                ? StackSettings.defaults(options.tunePostgres()).withFlightRecordings(Files.createDirectories(options.out()))
                : StackSettings.defaults(options.tunePostgres());
        step("starting PostgreSQL, the Kafka broker and Kafka Connect (each in its own process)");
        try (Stack stack = Stack.start(stackSettings, workDirectory);
             TopicReader reader = new TopicReader(stack.bootstrapServers())) {
            ConnectorVariant tuned = ConnectorVariant.tuned(stack.postgresPort(), options.tunedOverrides());
            ConnectorVariant stock = ConnectorVariant.stock(stack.postgresPort());
            List<ConnectorVariant> variants = options.runs(Scenario.PIPELINE) ? List.of(tuned, stock) : List.of(tuned);
            Connectors connectors = new Connectors(stack.rest());
            prepare(stack, connectors, variants, reader);

            Pipeline pipeline = options.runs(Scenario.PIPELINE) ? pipelineScenarios(stack, connectors, variants, reader) : Pipeline.NOT_RUN;
            NotifierScenarios notifierScenarios = new NotifierScenarios(options, stack, stackSettings.notifierJvmOptions(), tuned, reader, this::step);
            Results.Notifier notifier = null;
            if (options.runs(Scenario.NOTIFIER)) {
                notifier = notifierScenarios.run(workDirectory);
            }
            Map<String, Object> settings = settings(stackSettings, variants);
            if (notifier != null) {
                settings.put("notifier", notifierScenarios.settings());
            }
            Results.Summary summary = new Results.Summary(options.runs(Scenario.PIPELINE) ? summary(pipeline) : null,
                    notifier == null ? null : summary(notifier));
            return new Results(machine, MachineDescription.loadAverage(), versions(stack), settings, pipeline.load(), pipeline.drains(),
                    pipeline.decoding(), pipeline.steady(), notifier, summary);
        }
    }

    private Pipeline pipelineScenarios(Stack stack, Connectors connectors, List<ConnectorVariant> variants, TopicReader reader) throws Exception {
        warmUp(stack, connectors, variants, reader);
        LogicalDecodingReader decoding = new LogicalDecodingReader(stack.jdbcUrl(), Credentials.ADMIN_USER, Credentials.ADMIN_PASSWORD);
        decoding.createSlot();
        step("bulk-loading " + options.rows() + " transactions with COPY (connectors stopped)");
        long loadNanos = new BulkLoader(stack.jdbcUrl(), Credentials.APP_USER, Credentials.APP_PASSWORD).load(options.rows(), options.rowsPerCommit());
        Results.Load load = new Results.Load(options.rows(), options.rowsPerCommit(), loadNanos / 1e9, options.rows() * 1e9 / loadNanos);

        List<Results.Drain> drains = new ArrayList<>();
        for (ConnectorVariant variant : variants) {
            step("draining the backlog with the " + variant.topicPrefix() + " connector");
            drains.add(drain(stack, connectors, variant, reader));
        }
        step("decoding the same rows with PostgreSQL's own logical decoding (pgoutput, slot " + LogicalDecodingReader.SLOT + ")");
        long decodingNanos = decoding.read(options.rows(), PUBLICATION, DRAIN_TIMEOUT);
        decoding.dropSlot();
        Results.Decoding decoded = new Results.Decoding(options.rows(), decodingNanos / 1e9, options.rows() * 1e9 / decodingNanos);

        return new Pipeline(load, drains, decoded, steadyStates(stack, connectors, variants, reader));
    }

    /** Topics exist before the first event; the connectors snapshot the reference rows and keep running. */
    private void prepare(Stack stack, Connectors connectors, List<ConnectorVariant> variants, TopicReader reader) throws Exception {
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(), Credentials.APP_USER, Credentials.APP_PASSWORD)) {
            BankRows.writeReferenceData(connection);
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            admin.createTopics(variants.stream().flatMap(v -> Stream.of(v.transactionsTopic(), v.accountsTopic()))
                    .map(topic -> new NewTopic(topic, 1, (short) 1)).toList()).all().get();
        }
        step("registering the " + variants.stream().map(ConnectorVariant::topicPrefix).collect(Collectors.joining(" and the "))
                + " connector (snapshot of the reference rows)");
        variants.forEach(connectors::register);
        for (ConnectorVariant variant : variants) {
            connectors.awaitRunning(variant);
            reader.drain(variant.accountsTopic(), 0, 1, Duration.ofMinutes(2));
        }
    }

    /** Both connectors stream a first batch, then stop: the drains start with the backlog waiting. */
    private void warmUp(Stack stack, Connectors connectors, List<ConnectorVariant> variants, TopicReader reader) throws Exception {
        // Both connectors stream a first batch before anything is measured, so that neither drain pays for the JIT
        // compiling the streaming path and the first drain has no handicap against the second.
        long warmUpRows = Math.min(options.rows(), WARM_UP_ROWS);
        step("warming up: both connectors stream " + warmUpRows + " rows");
        Map<ConnectorVariant, Long> offsets = new LinkedHashMap<>();
        variants.forEach(variant -> offsets.put(variant, reader.endOffset(variant.transactionsTopic())));
        new BulkLoader(stack.jdbcUrl(), Credentials.APP_USER, Credentials.APP_PASSWORD).load(warmUpRows, options.rowsPerCommit());
        for (ConnectorVariant variant : variants) {
            reader.drain(variant.transactionsTopic(), offsets.get(variant), warmUpRows, DRAIN_TIMEOUT);
            connectors.stop(variant);
            stack.awaitSlotReleased(variant.slotName(), Duration.ofMinutes(2));
        }
    }

    private Results.Drain drain(Stack stack, Connectors connectors, ConnectorVariant variant, TopicReader reader) throws Exception {
        long offset = reader.endOffset(variant.transactionsTopic());
        try (ProcessSampler sampler = new ProcessSampler(withBenchDriver(stack.componentPids()))) {
            long resumed = System.nanoTime();
            connectors.resume(variant);
            TopicReader.Drain drain = reader.drain(variant.transactionsTopic(), offset, options.rows(), DRAIN_TIMEOUT);
            Map<String, Usage> resources = sampler.finish();
            double seconds = (drain.lastNanos() - resumed) / 1e9;
            double stackMemory = resources.entrySet().stream().filter(e -> !e.getKey().equals(BENCH_DRIVER))
                    .mapToDouble(e -> e.getValue().peakMb()).sum();
            return new Results.Drain(variant.topicPrefix(), drain.received(), seconds, drain.received() / seconds,
                    (drain.firstNanos() - resumed) / 1e9, resources, stackMemory);
        }
    }

    private static Map<String, Long> withBenchDriver(Map<String, Long> components) {
        Map<String, Long> all = new LinkedHashMap<>(components);
        all.put(BENCH_DRIVER, ProcessHandle.current().pid());
        return all;
    }

    /**
     * Each connector alone, the tuned one last so that it is the one left running: two connectors streaming at once
     * would share Connect, the broker and 2 cores, and each tail would show the other's work. The connector that waits
     * is stopped; when its turn comes it first streams what was committed meanwhile, so its figures start caught up.
     */
    private List<Results.Steady> steadyStates(Stack stack, Connectors connectors, List<ConnectorVariant> variants, TopicReader reader)
            throws Exception {
        PacedWriter writer = new PacedWriter(stack.jdbcUrl(), Credentials.APP_USER, Credentials.APP_PASSWORD, options.writers());
        Map<ConnectorVariant, Long> missed = new LinkedHashMap<>();
        variants.forEach(variant -> missed.put(variant, 0L));
        List<Results.Steady> results = new ArrayList<>();
        for (ConnectorVariant variant : variants.reversed()) {
            for (ConnectorVariant other : variants) {
                if (other != variant && missed.get(other) == 0) {
                    connectors.stop(other);
                    stack.awaitSlotReleased(other.slotName(), Duration.ofMinutes(2));
                }
            }
            if (missed.get(variant) > 0) {
                step("the " + variant.topicPrefix() + " connector streams the " + missed.get(variant) + " rows committed while it was stopped");
                long offset = reader.endOffset(variant.transactionsTopic());
                connectors.resume(variant);
                reader.drain(variant.transactionsTopic(), offset, missed.get(variant), DRAIN_TIMEOUT);
                missed.put(variant, 0L);
            }
            for (int rate : options.rates()) {
                step("steady state: " + rate + " commits/s for " + options.steadySeconds() + " s, the " + variant.topicPrefix() + " connector alone");
                SteadyRun run = steadyState(rate, writer, reader, variant);
                results.add(run.result());
                variants.stream().filter(other -> other != variant).forEach(other -> missed.merge(other, run.committed(), Long::sum));
            }
        }
        return results;
    }

    private record SteadyRun(Results.Steady result, long committed) {
    }

    private SteadyRun steadyState(int rate, PacedWriter writer, TopicReader reader, ConnectorVariant variant) throws Exception {
        List<String> topics = List.of(variant.transactionsTopic());
        reader.positionAtEnd(topics);
        AtomicLong committed = new AtomicLong(-1);
        CompletableFuture<Map<String, Latencies>> latencies = CompletableFuture.supplyAsync(
                () -> reader.latencies(topics, committed, CATCH_UP_TIMEOUT));
        PacedWriter.Run run;
        try {
            run = writer.run(rate, options.steadySeconds());
        } finally {
            committed.compareAndSet(-1, 0);
        }
        committed.set(run.committed());
        Latencies measured = latencies.get().get(variant.transactionsTopic());
        boolean complete = measured.micros().length >= run.committed();
        boolean kept = run.achievedPerSecond() >= 0.95 * rate;
        return new SteadyRun(new Results.Steady(variant.topicPrefix(), rate, run.achievedPerSecond(), run.committed(), measured.micros().length,
                measured.percentileMillis(50), measured.percentileMillis(95), measured.percentileMillis(99), measured.maxMillis(),
                measured.lagGrows(), complete && kept && !measured.lagGrows()), run.committed());
    }

    private Results.PipelineSummary summary(Pipeline pipeline) {
        Results.Drain tuned = pipeline.drains().get(0);
        Results.Drain stock = pipeline.drains().get(1);
        int headline = options.headlineRate();
        double p99 = pipeline.steady().stream().filter(s -> s.connector().equals(tuned.connector()) && s.offeredPerSecond() == headline)
                .mapToDouble(Results.Steady::p99Ms).findFirst().orElse(0);
        int highestSustained = pipeline.steady().stream().filter(s -> s.connector().equals(tuned.connector()) && s.sustained())
                .mapToInt(Results.Steady::offeredPerSecond).max().orElse(0);
        return new Results.PipelineSummary(tuned.eventsPerSecond(), stock.eventsPerSecond(), tuned.eventsPerSecond() / pipeline.decoding().rowsPerSecond(),
                p99, headline, highestSustained, tuned.stackMemoryMb());
    }

    private Results.NotifierSummary summary(Results.Notifier notifier) {
        int decisionRate = options.notifier().decisionHeadlineRate();
        int slackRate = options.notifier().slackHeadlineRate();
        return new Results.NotifierSummary(notifierP99(notifier, decisionRate, Results.NotifierLatency::decision), decisionRate,
                notifierP99(notifier, slackRate, Results.NotifierLatency::slack), slackRate, notifier.backlog().eventsPerSecond(), notifier.readySeconds());
    }

    private static double notifierP99(Results.Notifier notifier, int rate, Function<Results.NotifierLatency, Results.Percentiles> which) {
        return notifier.latency().stream().filter(run -> run.offeredPerSecond() == rate).mapToDouble(run -> which.apply(run).p99Ms())
                .findFirst().orElse(0);
    }

    private static Map<String, String> versions(Stack stack) throws Exception {
        Map<String, String> versions = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(), Credentials.ADMIN_USER, Credentials.ADMIN_PASSWORD);
             Statement statement = connection.createStatement(); ResultSet version = statement.executeQuery("SHOW server_version")) {
            version.next();
            versions.put("postgresql", version.getString(1));
        }
        versions.put("kafka", AppInfoParser.getVersion());
        versions.put("debezium", io.debezium.connector.postgresql.Module.version());
        versions.put("pgjdbc", org.postgresql.util.DriverInfo.DRIVER_VERSION);
        return versions;
    }

    private Map<String, Object> settings(StackSettings stack, List<ConnectorVariant> variants) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("options", options);
        variants.forEach(variant -> settings.put("connector." + variant.topicPrefix(), variant.performanceSettings()));
        settings.put("postgresql", stack.postgresSettings());
        settings.put("kafkaBrokerJvm", stack.brokerJvmOptions());
        settings.put("kafkaConnectJvm", stack.connectJvmOptions());
        settings.put("kafkaConnectWorker", stack.workerSettings().isEmpty() ? "ConnectWorker's defaults (as ./cdc)" : stack.workerSettings());
        settings.put("consumer", TopicReader.FETCH_SETTINGS);
        settings.put("latencyMethod", "consumer receive time (Instant.now) minus source.ts_us, the commit time of the row's transaction");
        return settings;
    }

    private void step(String message) {
        progress.printf("[%tT] %s%n", System.currentTimeMillis(), message);
    }
}
