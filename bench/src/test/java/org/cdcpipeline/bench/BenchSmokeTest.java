package org.cdcpipeline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cdcpipeline.bench.report.LatencyChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole harness on a tiny backlog and one low rate: real PostgreSQL, broker, Connect and both connectors. */
class BenchSmokeTest {

    private static final long ROWS = 2_000;

    @TempDir
    Path out;

    @Test
    void aTinyRunWritesWellFormedResultsAChartAndTheSummaryLine() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        BenchOptions options = new BenchOptions(ROWS, 1_000, List.of(100), 1, 2, true, Map.of(), false, out);

        BenchCommand.run(options, new PrintStream(console, true, StandardCharsets.UTF_8), false);

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
        JsonNode summary = results.get("summary");
        for (String field : List.of("eventsPerSecond", "stockEventsPerSecond", "ratioToDecoding", "p99CommitToKafkaMs", "stackMemoryMb")) {
            assertThat(summary.get(field).asDouble()).as(field).isPositive();
        }

        byte[] chart = Files.readAllBytes(out.resolve(LatencyChart.FILE_NAME));
        assertThat(chart).hasSizeGreaterThan(1_000).startsWith(0x89, 'P', 'N', 'G');

        List<String> lines = console.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.getLast()).matches(
                "events_per_s=\\d+ stock_events_per_s=\\d+ ratio_to_decoding=\\d+\\.\\d{3} p99_commit_to_kafka_ms=\\d+\\.\\d rss_mb=\\d+")
                .startsWith("events_per_s=" + Math.round(summary.get("eventsPerSecond").asDouble()) + " ");
        assertThat(lines).anyMatch(line -> line.startsWith("| backlog drain | tuned |"));
    }
}
