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
 * @param notifierJvmOptions the notifier's JVM flags, as the local launcher starts it
 */
public record StackSettings(Map<String, String> postgresSettings, List<String> brokerJvmOptions, List<String> connectJvmOptions,
                            Map<String, String> workerSettings, List<String> notifierJvmOptions) {

    public static StackSettings defaults(boolean tunePostgres) {
        Map<String, String> postgres = new LinkedHashMap<>(PostgresSettings.LOGICAL_REPLICATION);
        if (tunePostgres) {
            postgres.putAll(PostgresSettings.WAL_TUNING);
        }
        return new StackSettings(postgres, jvm("-Xmx256m", "-XX:+UseParallelGC"), jvm("-Xmx512m", "-XX:+UseParallelGC"), Map.of(),
                jvm("-Xmx256m", "-XX:+UseSerialGC"));
    }

    /**
     * The same settings with a Java Flight Recording of the broker, of Connect and of the notifier, written to
     * {@code directory} when they stop (the notifier's recording is of its last start, the backlog).
     */
    public StackSettings withFlightRecordings(Path directory) {
        return new StackSettings(postgresSettings, recording(brokerJvmOptions, directory.resolve("kafka-broker.jfr")),
                recording(connectJvmOptions, directory.resolve("kafka-connect.jfr")), workerSettings,
                recording(notifierJvmOptions, directory.resolve("notifier.jfr")));
    }

    private static List<String> recording(List<String> options, Path file) {
        List<String> withRecording = new ArrayList<>(options);
        withRecording.add("-XX:StartFlightRecording=settings=profile,filename=" + file.toAbsolutePath());
        return withRecording;
    }

    private static List<String> jvm(String heap, String collector) {
        List<String> options = new ArrayList<>(List.of(heap, collector));
        if (Runtime.version().feature() >= 24) {
            options.add("--sun-misc-unsafe-memory-access=allow");
        }
        return options;
    }
}
