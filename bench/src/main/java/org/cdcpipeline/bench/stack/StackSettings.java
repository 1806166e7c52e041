package org.cdcpipeline.bench.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cdcpipeline.embedded.postgres.PostgresSettings;

/**
 * How the stack runs in the benchmark, reported with every result.
 *
 * @param postgresSettings  postgresql.conf settings (logical decoding plus the WAL settings below)
 * @param brokerJvmOptions  the broker's JVM flags
 * @param connectJvmOptions the Connect worker's JVM flags
 * @param workerSettings    Connect worker settings over {@code ConnectWorker}'s defaults (none: the worker as ./cdc runs it)
 */
public record StackSettings(Map<String, String> postgresSettings, List<String> brokerJvmOptions, List<String> connectJvmOptions,
                            Map<String, String> workerSettings) {

    public static StackSettings defaults(boolean tunePostgres) {
        Map<String, String> postgres = new LinkedHashMap<>(PostgresSettings.LOGICAL_REPLICATION);
        if (tunePostgres) {
            postgres.putAll(PostgresSettings.WAL_TUNING);
        }
        return new StackSettings(postgres, jvm("-Xmx256m"), jvm("-Xmx512m"), Map.of());
    }

    /** The same settings with a Java Flight Recording of the broker and of Connect, written to {@code directory} when they stop. */
    public StackSettings withFlightRecordings(Path directory) {
        return new StackSettings(postgresSettings, recording(brokerJvmOptions, directory.resolve("kafka-broker.jfr")),
                recording(connectJvmOptions, directory.resolve("kafka-connect.jfr")), workerSettings);
    }

    private static List<String> recording(List<String> options, Path file) {
        List<String> withRecording = new ArrayList<>(options);
        withRecording.add("-XX:StartFlightRecording=settings=profile,filename=" + file.toAbsolutePath());
        return withRecording;
    }

    private static List<String> jvm(String heap) {
        List<String> options = new ArrayList<>(List.of(heap, "-XX:+UseParallelGC"));
        if (Runtime.version().feature() >= 24) {
            options.add("--sun-misc-unsafe-memory-access=allow");
        }
        return options;
    }
}
