package org.cdcpipeline.bench.report;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

import org.cdcpipeline.bench.measure.ProcessSampler.Usage;

/** The results as Markdown tables on the console, ready to paste into the README. */
public final class ResultsTable {

    private ResultsTable() {
    }

    public static void print(Results results, PrintStream out) {
        var machine = results.machine();
        out.println();
        out.printf(Locale.ROOT, "Machine: %d cores, %.1f GiB, %s; %s; %s; load average %s at start, %s at end%n", machine.cores(),
                machine.memoryGiB(), machine.cpuModel(), machine.jdk(), machine.os(), machine.loadAverageAtStart(), results.loadAverageAtEnd());
        out.println("Versions: " + results.versions());
        out.println("Connector settings: tuned " + results.settings().get("connector.tuned")
                + (results.settings().containsKey("connector.stock") ? "; stock " + results.settings().get("connector.stock") : "")
                + " (every other performance key at Debezium's and Kafka Connect's defaults)");
        out.println("PostgreSQL settings: " + results.settings().get("postgresql"));
        if (results.load() != null) {
            printPipeline(results, out);
        }
        if (results.notifier() != null) {
            printNotifier(results.notifier(), out);
        }
    }

    private static void printPipeline(Results results, PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "Bulk load (COPY, %,d rows per commit): %,d rows in %.1f s = %,.0f rows/s%n", results.load().rowsPerCommit(),
                results.load().rows(), results.load().seconds(), results.load().rowsPerSecond());
        out.println();
        out.println("| scenario | connector | events | seconds | events/s | ratio to decoding | first event after |");
        out.println("|---|---|---:|---:|---:|---:|---:|");
        double limit = results.decoding().rowsPerSecond();
        for (Results.Drain drain : results.drains()) {
            out.printf(Locale.ROOT, "| backlog drain | %s | %,d | %.1f | %,.0f | %.3f | %.2f s |%n", drain.connector(), drain.events(),
                    drain.seconds(), drain.eventsPerSecond(), drain.eventsPerSecond() / limit, drain.firstEventAfterSeconds());
        }
        out.printf(Locale.ROOT, "| logical decoding (pgoutput, PgJDBC) | — | %,d | %.1f | %,.0f | 1.000 | — |%n", results.decoding().rows(),
                results.decoding().seconds(), limit);
        out.println();
        out.println("| connector | offered tx/s | achieved tx/s | events | p50 ms | p95 ms | p99 ms | max ms | sustained |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        for (Results.Steady steady : results.steady()) {
            out.printf(Locale.ROOT, "| %s | %,d | %,.0f | %,d/%,d | %.1f | %.1f | %.1f | %.1f | %s |%n", steady.connector(), steady.offeredPerSecond(),
                    steady.achievedPerSecond(), steady.received(), steady.committed(), steady.p50Ms(), steady.p95Ms(), steady.p99Ms(), steady.maxMs(),
                    steady.sustained() ? "yes" : steady.lagGrows() ? "no (lag grows)" : "no");
        }
        out.println();
        out.println("| during the drain of | component | peak memory (PSS) MB | CPU (cores, average) | CPU µs per event |");
        out.println("|---|---|---:|---:|---:|");
        for (Results.Drain drain : results.drains()) {
            for (Map.Entry<String, Usage> usage : drain.resources().entrySet()) {
                out.printf(Locale.ROOT, "| %s | %s | %.0f | %.2f | %.0f |%n", drain.connector(), usage.getKey(), usage.getValue().peakMb(),
                        usage.getValue().cpuCores(), usage.getValue().cpuSeconds() * 1e6 / drain.events());
            }
            out.printf(Locale.ROOT, "| %s | **stack (PostgreSQL + broker + Connect)** | **%.0f** | | |%n", drain.connector(), drain.stackMemoryMb());
        }
    }

    private static void printNotifier(Results.Notifier notifier, PrintStream out) {
        Results.NotifierBacklog backlog = notifier.backlog();
        out.println();
        out.printf(Locale.ROOT, "Notifier: ready %.2f s after its JVM started (idle topic), %.2f s with the backlog waiting%n",
                notifier.readySeconds(), backlog.readySeconds());
        out.println();
        out.println("| offered tx/s | achieved tx/s | flagged | flagged/s | commit → decision p50 / p95 / p99 / max ms | commit → Slack post p50 / p95 / p99 / max ms | Slack posts (digests) | shortest gap between posts |");
        out.println("|---:|---:|---:|---:|---|---|---:|---:|");
        for (Results.NotifierLatency run : notifier.latency()) {
            out.printf(Locale.ROOT, "| %,d | %,.0f | %,d | %.2f | %s | %s | %,d (%,d) | %s |%n", run.offeredPerSecond(), run.achievedPerSecond(),
                    run.flagged(), run.flaggedPerSecond(), percentiles(run.decision(), run.flagged()) + (run.lagGrows() ? " (lag grows)" : ""),
                    percentiles(run.slack(), run.flagged()), run.slackPosts(), run.digests(),
                    run.minPostGapMs() == null ? "—" : String.format(Locale.ROOT, "%,.0f ms", run.minPostGapMs()));
        }
        out.println();
        out.println("| notifier backlog | events | seconds | events/s | all committed after |");
        out.println("|---|---:|---:|---:|---:|");
        out.printf(Locale.ROOT, "| %s | %,d | %.1f | %,.0f | %.1f s |%n", backlog.measuredWith(), backlog.events(), backlog.seconds(),
                backlog.eventsPerSecond(), backlog.allCommittedAfterSeconds());
        out.println();
        out.println("| during the notifier's backlog | peak memory (PSS) MB | CPU (cores, average) | CPU µs per event |");
        out.println("|---|---:|---:|---:|");
        for (Map.Entry<String, Usage> usage : backlog.resources().entrySet()) {
            out.printf(Locale.ROOT, "| %s | %.0f | %.2f | %.0f |%n", usage.getKey(), usage.getValue().peakMb(), usage.getValue().cpuCores(),
                    usage.getValue().cpuSeconds() * 1e6 / backlog.events());
        }
    }

    /** {@code 12.1 / 20.4 / 35.0 / 40.2}, with the sample count when some flagged rows were missing. */
    private static String percentiles(Results.Percentiles percentiles, long expected) {
        String figures = String.format(Locale.ROOT, "%.1f / %.1f / %.1f / %.1f", percentiles.p50Ms(), percentiles.p95Ms(), percentiles.p99Ms(),
                percentiles.maxMs());
        return percentiles.count() == expected ? figures : figures + String.format(Locale.ROOT, " (%,d of %,d)", percentiles.count(), expected);
    }
}
