package org.cdcpipeline.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.cdcpipeline.bench.load.BulkLoader;
import org.cdcpipeline.bench.load.PacedWriter;
import org.cdcpipeline.bench.measure.AlertWatch;
import org.cdcpipeline.bench.measure.BacklogConsumption;
import org.cdcpipeline.bench.measure.Latencies;
import org.cdcpipeline.bench.measure.ProcessSampler;
import org.cdcpipeline.bench.measure.TopicReader;
import org.cdcpipeline.bench.report.Results;
import org.cdcpipeline.bench.stack.ConnectorVariant;
import org.cdcpipeline.bench.stack.ConsumerGroup;
import org.cdcpipeline.bench.stack.Credentials;
import org.cdcpipeline.bench.stack.FakeSlack;
import org.cdcpipeline.bench.stack.NotifierProcess;
import org.cdcpipeline.bench.stack.Stack;

/**
 * The notifier's scenarios, on the running stack and behind the tuned connector (its topics through
 * {@code MP_MESSAGING_INCOMING_*_TOPIC}), posting to a fake Slack:
 * <ol>
 *   <li>the notifier starts on an idle topic (its group positioned after everything earlier scenarios wrote): time to
 *       ready; a short warm-up proves that flagged rows reach {@code bank.alerts} and Slack;</li>
 *   <li>at each paced rate, rows with a large amount among the others: commit → decision and commit → Slack post;</li>
 *   <li>the notifier stops, a backlog is loaded and streamed to its topic, and it starts again on it: events/s,
 *       and its memory and CPU.</li>
 * </ol>
 * The velocity rule is switched off: the benchmark's 1,000 accounts at up to 1,000 tx/s would all be "too fast"
 * and flood Slack; its bookkeeping (a row and a count per event in the notifier's schema) still runs.
 */
final class NotifierScenarios {

    static final String GROUP = "notifier";
    static final String ALERTS_TOPIC = "bank.alerts";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration BACKLOG_TIMEOUT = Duration.ofMinutes(20);
    /** How long the notifier may make no progress through what waits for it before the run fails. */
    private static final Duration STALL_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration GROUP_TIMEOUT = Duration.ofMinutes(1);
    private static final double WARM_UP_SECONDS = 5;

    private final BenchOptions options;
    private final NotifierOptions notifier;
    private final Stack stack;
    private final List<String> jvmOptions;
    private final ConnectorVariant tuned;
    private final TopicReader reader;
    private final Consumer<String> step;

    NotifierScenarios(BenchOptions options, Stack stack, List<String> jvmOptions, ConnectorVariant tuned, TopicReader reader, Consumer<String> step) {
        this.options = options;
        this.notifier = options.notifier();
        this.stack = stack;
        this.jvmOptions = jvmOptions;
        this.tuned = tuned;
        this.reader = reader;
        this.step = step;
    }

    Results.Notifier run(Path work) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(ALERTS_TOPIC, 1, (short) 1))).all().get();
        }
        PacedWriter writer = new PacedWriter(stack.jdbcUrl(), Credentials.APP_USER, Credentials.APP_PASSWORD, options.writers());
        try (FakeSlack slack = FakeSlack.start();
             ConsumerGroup group = new ConsumerGroup(stack.bootstrapServers(), GROUP);
             AlertWatch watch = new AlertWatch(stack.bootstrapServers(), tuned.transactionsTopic(), ALERTS_TOPIC)) {
            group.seek(tuned.transactionsTopic(), reader.endOffset(tuned.transactionsTopic()), GROUP_TIMEOUT);
            step.accept("starting the notifier (" + notifier.app() + ") on the tuned connector's topics, Slack faked at " + slack.webhookUrl());
            Duration ready;
            List<Results.NotifierLatency> latencies = new ArrayList<>();
            try (NotifierProcess process = launch(slack, work.resolve("notifier.log"))) {
                ready = process.awaitReady(READY_TIMEOUT);
                int firstRate = notifier.rates().getFirst();
                double warmUpSeconds = Math.min(WARM_UP_SECONDS, notifier.seconds());
                step.accept(String.format("notifier ready in %.2f s; warming up: %d commits/s for %.0f s", ready.toMillis() / 1e3, firstRate, warmUpSeconds));
                requireAlertsAndPosts(latency(firstRate, warmUpSeconds, writer, watch, slack), process);
                for (int rate : notifier.rates()) {
                    awaitCaughtUp(group, process);
                    step.accept(String.format("notifier latency: %d commits/s for %.0f s, %.2f of them per second flagged (large amount)",
                            rate, notifier.seconds(), (double) rate / notifier.flagEvery(rate)));
                    latencies.add(latency(rate, notifier.seconds(), writer, watch, slack));
                }
            }
            Results.NotifierBacklog backlog = backlog(group, slack, work);
            return new Results.Notifier(ready.toMillis() / 1e3, latencies, backlog);
        }
    }

    private NotifierProcess launch(FakeSlack slack, Path log) throws IOException {
        return NotifierProcess.launch(notifier.app(), jvmOptions, environment(slack), log);
    }

    /** What the notifier is started with: the shared configuration contract, pointed at the benchmark's stack. */
    private Map<String, String> environment(FakeSlack slack) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers());
        environment.put("CDC_DATABASE_URL", stack.jdbcUrl());
        environment.put("CDC_DATABASE_ADMIN_USER", Credentials.ADMIN_USER);
        environment.put("CDC_DATABASE_ADMIN_PASSWORD", Credentials.ADMIN_PASSWORD);
        environment.put("CDC_DATABASE_NOTIFIER_USER", Credentials.NOTIFIER_USER);
        environment.put("CDC_DATABASE_NOTIFIER_PASSWORD", Credentials.NOTIFIER_PASSWORD);
        environment.put("SLACK_WEBHOOK_URL", slack.webhookUrl().toString());
        environment.put("MP_MESSAGING_INCOMING_TRANSACTIONS_TOPIC", tuned.transactionsTopic());
        environment.put("MP_MESSAGING_INCOMING_ACCOUNTS_TOPIC", tuned.accountsTopic());
        environment.put("CDC_RULES_VELOCITY_ENABLED", "false");
        return environment;
    }

    /** The notifier's settings for the report, without passwords and the fake Slack's port. */
    Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("app", notifier.app().toAbsolutePath().normalize().toString());
        settings.put("jvm", jvmOptions);
        settings.put("transactionsTopic", tuned.transactionsTopic());
        settings.put("accountsTopic", tuned.accountsTopic());
        settings.put("alertsTopic", ALERTS_TOPIC);
        settings.put("consumerGroup", GROUP);
        settings.put("rules", "the notifier's defaults (large amount ≥ 10,000 EUR), velocity switched off (CDC_RULES_VELOCITY_ENABLED=false)");
        settings.put("slack", "incoming webhook (SLACK_WEBHOOK_URL) on a local fake answering 200 ok; the notifier's own pacing and digests");
        settings.put("flaggedRows", "amount 12345.67 EUR on every n-th paced row, n = rate / alertsPerSecond");
        settings.put("latencyMethod", "commit = source.ts_us of the row's change event; decision = arrival of its alert at a consumer of "
                + ALERTS_TOPIC + "; Slack = arrival of the first webhook call naming the transaction");
        return settings;
    }

    private Results.NotifierLatency latency(int rate, double seconds, PacedWriter writer, AlertWatch watch, FakeSlack slack) throws Exception {
        watch.positionAtEnd();
        slack.clear();
        AtomicReference<List<UUID>> flagged = new AtomicReference<>();
        CompletableFuture<AlertWatch.Seen> watching = CompletableFuture.supplyAsync(() -> watch.watch(flagged,
                seen -> seen.alertMicros().keySet().containsAll(flagged.get()) && postedTransactions(slack.posts()).keySet().containsAll(flagged.get()),
                CATCH_UP_TIMEOUT));
        PacedWriter.Run run;
        try {
            run = writer.run(rate, seconds, notifier.flagEvery(rate));
        } finally {
            flagged.compareAndSet(null, List.of());
        }
        flagged.set(run.flagged());
        AlertWatch.Seen seen = watching.get();
        List<FakeSlack.Post> posts = slack.posts();
        Map<UUID, Long> posted = postedTransactions(posts);

        List<UUID> inCommitOrder = run.flagged().stream().filter(seen.commitMicros()::containsKey)
                .sorted(Comparator.comparing(seen.commitMicros()::get)).toList();
        Latencies decision = new Latencies(inCommitOrder.stream().filter(seen.alertMicros()::containsKey)
                .mapToLong(id -> seen.alertMicros().get(id) - seen.commitMicros().get(id)).toArray());
        Latencies slackPost = new Latencies(inCommitOrder.stream().filter(posted::containsKey)
                .mapToLong(id -> posted.get(id) - seen.commitMicros().get(id)).toArray());
        Double minGap = null;
        for (int i = 1; i < posts.size(); i++) {
            double gap = (posts.get(i).arrivedMicros() - posts.get(i - 1).arrivedMicros()) / 1e3;
            minGap = minGap == null ? gap : Math.min(minGap, gap);
        }
        return new Results.NotifierLatency(rate, run.achievedPerSecond(), run.committed(), run.flagged().size() * 1e9 / Math.max(1, run.elapsedNanos()),
                run.flagged().size(), Results.Percentiles.of(decision), Results.Percentiles.of(slackPost), posts.size(),
                posts.stream().filter(post -> post.transactions().size() > 1).count(), minGap, decision.lagGrows());
    }

    /** Each transaction named in a post, with the arrival of the first post naming it. */
    private static Map<UUID, Long> postedTransactions(List<FakeSlack.Post> posts) {
        Map<UUID, Long> first = new HashMap<>();
        posts.forEach(post -> post.transactions().forEach(id -> first.putIfAbsent(id, post.arrivedMicros())));
        return first;
    }

    /** The warm-up proves the wiring: without it, a notifier that never alerts would only show as empty figures. */
    private static void requireAlertsAndPosts(Results.NotifierLatency warmUp, NotifierProcess process) {
        if (warmUp.flagged() > 0 && (warmUp.decision().count() == 0 || warmUp.slack().count() == 0)) {
            throw new IllegalStateException(String.format("the notifier flagged %d of %d large transactions on %s and Slack got %d of them within %d s"
                    + " of the warm-up; see its log %s", warmUp.decision().count(), warmUp.flagged(), ALERTS_TOPIC, warmUp.slack().count(),
                    CATCH_UP_TIMEOUT.toSeconds(), process.log()));
        }
    }

    private Results.NotifierBacklog backlog(ConsumerGroup group, FakeSlack slack, Path work) throws Exception {
        String topic = tuned.transactionsTopic();
        long start = reader.endOffset(topic);
        step.accept("notifier backlog: bulk-loading " + notifier.backlog() + " transactions with the notifier stopped; the tuned connector streams them");
        new BulkLoader(stack.jdbcUrl(), Credentials.APP_USER, Credentials.APP_PASSWORD).load(notifier.backlog(), options.rowsPerCommit());
        awaitEndOffset(topic, start + notifier.backlog());
        group.seek(topic, start, GROUP_TIMEOUT);
        step.accept("starting the notifier on the backlog of " + notifier.backlog() + " change events");
        try (NotifierProcess process = launch(slack, work.resolve("notifier-backlog.log"))) {
            Duration ready = process.awaitReady(READY_TIMEOUT);
            Map<String, Long> components = new LinkedHashMap<>(Map.of("notifier", process.pid()));
            components.putAll(stack.componentPids());
            try (ProcessSampler sampler = new ProcessSampler(components)) {
                BacklogConsumption.Drain drain = new BacklogConsumption(process, group, topic, start, notifier.backlog()).await(STALL_TIMEOUT, sampler);
                return new Results.NotifierBacklog(notifier.backlog(), drain.seconds(), drain.eventsPerSecond(), ready.toMillis() / 1e3,
                        drain.allCommittedAfterSeconds(), drain.measuredWith(), drain.resources());
            }
        }
    }

    /**
     * Each rate starts with nothing left of the one before: a notifier behind would count its earlier backlog in the
     * latencies. Its group commits every few seconds, so this waits a little even when it has kept up.
     */
    private void awaitCaughtUp(ConsumerGroup group, NotifierProcess process) throws Exception {
        String topic = tuned.transactionsTopic();
        long end = reader.endOffset(topic);
        long committed = group.committed(topic);
        if (end - committed > 1) {
            step.accept("waiting for the notifier to catch up: " + (end - committed) + " change events behind");
        }
        long deadline = System.nanoTime() + STALL_TIMEOUT.toNanos();
        while (committed < end) {
            Thread.sleep(200);
            long now = group.committed(topic);
            if (now > committed) {
                committed = now;
                deadline = System.nanoTime() + STALL_TIMEOUT.toNanos();
            } else if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the notifier has committed no offset on " + topic + " for " + STALL_TIMEOUT.toSeconds()
                        + " s, " + (end - committed) + " events behind; see " + process.log());
            }
        }
    }

    private void awaitEndOffset(String topic, long offset) throws InterruptedException {
        long deadline = System.nanoTime() + BACKLOG_TIMEOUT.toNanos();
        while (reader.endOffset(topic) < offset) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the connector did not stream the backlog to " + topic + " within " + BACKLOG_TIMEOUT);
            }
            Thread.sleep(100);
        }
    }
}
