package org.cdcpipeline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cdcpipeline.bench.report.LatencyChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole harness on a tiny backlog and one low rate: real PostgreSQL, broker, Connect, both connectors, and the
 * notifier's built application (as {@code mvn package} leaves it, or {@code -Dcdc.notifier.app}) posting to the fake Slack.
 */
class BenchSmokeTest {

    private static final long ROWS = 2_000;
    private static final long NOTIFIER_BACKLOG = 200;

    @TempDir
    Path out;

    @Test
    void aTinyRunWritesWellFormedResultsAChartAndTheSummaryLine() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        NotifierOptions notifier = new NotifierOptions(Path.of(System.getProperty("cdc.notifier.app")), List.of(50), 3, 0.8, NOTIFIER_BACKLOG);
        BenchOptions options = new BenchOptions(ROWS, 1_000, List.of(100), 1, 2, true, Map.of(), false, out, EnumSet.allOf(Scenario.class), notifier);

        BenchCommand.run(options, new PrintStream(console, true, StandardCharsets.UTF_8), false);
        System.out.print(console.toString(StandardCharsets.UTF_8));   // the steps, with their times, in the test's output file

        JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertThat(results.at("/machine/cores").asInt()).isPositive();
        assertThat(results.at("/versions/debezium").asText()).isNotBlank();
        assertThat(results.at("/settings/postgresql/wal_level").asText()).isEqualTo("logical");
        assertThat(results.at("/settings/options/out").asText()).isEqualTo(out.toString());
        assertThat(results.at("/settings/connector.tuned/producer.override.acks").asText()).isEqualTo("all");
        assertThat(results.at("/drains")).hasSize(2).allSatisfy(drain -> {
            assertThat(drain.get("events").asLong()).isEqualTo(ROWS);
            assertThat(drain.get("eventsPerSecond").asDouble()).isPositive();
            assertThat(drain.at("/resources/kafka-connect/peakMb").asDouble()).isPositive();
            assertThat(drain.at("/resources/postgresql/cpuSeconds").asDouble()).isNotNegative();
        });
        assertThat(results.at("/decoding/rowsPerSecond").asDouble()).isPositive();
        assertThat(results.at("/steady")).hasSize(2).allSatisfy(steady -> {
            assertThat(steady.get("received").asLong()).isEqualTo(steady.get("committed").asLong()).isPositive();
            assertThat(steady.get("p99Ms").asDouble()).isPositive().isGreaterThanOrEqualTo(steady.get("p50Ms").asDouble());
        });
        assertThat(results.at("/notifier/readySeconds").asDouble()).isPositive();
        assertThat(results.at("/notifier/latency")).hasSize(1).allSatisfy(run -> {
            long flagged = run.get("flagged").asLong();
            assertThat(flagged).isPositive();
            assertThat(run.at("/decision/count").asLong()).as("alerts on bank.alerts").isEqualTo(flagged);
            assertThat(run.at("/slack/count").asLong()).as("transactions posted to Slack").isEqualTo(flagged);
            assertThat(run.get("slackPosts").asLong()).isBetween(1L, flagged);
            for (String latency : List.of("decision", "slack")) {
                assertThat(run.at("/" + latency + "/p99Ms").asDouble()).as(latency).isPositive().isGreaterThanOrEqualTo(run.at("/" + latency + "/p50Ms").asDouble());
            }
        });
        assertThat(results.at("/notifier/backlog/events").asLong()).isEqualTo(NOTIFIER_BACKLOG);
        assertThat(results.at("/notifier/backlog/eventsPerSecond").asDouble()).isPositive();
        assertThat(results.at("/notifier/backlog/resources/notifier/peakMb").asDouble()).isPositive();
        assertThat(results.at("/settings/notifier/transactionsTopic").asText()).isEqualTo("tuned.public.transactions");

        JsonNode summary = results.get("summary");
        for (String field : List.of("eventsPerSecond", "stockEventsPerSecond", "ratioToDecoding", "p99CommitToKafkaMs", "stackMemoryMb",
                "p99CommitToNotifierMs", "p99CommitToSlackMs", "backlogEventsPerSecond", "notifierReadySeconds")) {
            assertThat(summary.get(field).asDouble()).as(field).isPositive();
        }

        byte[] chart = Files.readAllBytes(out.resolve(LatencyChart.FILE_NAME));
        assertThat(chart).hasSizeGreaterThan(1_000).startsWith(0x89, 'P', 'N', 'G');

        List<String> lines = console.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.getLast()).matches(
                "events_per_s=\\d+ stock_events_per_s=\\d+ ratio_to_decoding=\\d+\\.\\d{3} p99_commit_to_kafka_ms=\\d+\\.\\d rss_mb=\\d+"
                + " p99_commit_to_notifier_ms=\\d+\\.\\d p99_commit_to_slack_ms=\\d+\\.\\d notifier_backlog_events_per_s=\\d+ notifier_ready_s=\\d+\\.\\d{2}")
                .startsWith("events_per_s=" + Math.round(summary.get("eventsPerSecond").asDouble()) + " ");
        assertThat(lines).anyMatch(line -> line.startsWith("| backlog drain | tuned |"));
        assertThat(lines).anyMatch(line -> line.startsWith("| 50 | "));
    }
}
