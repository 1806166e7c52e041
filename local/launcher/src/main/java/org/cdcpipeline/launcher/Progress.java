package org.cdcpipeline.launcher;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/** One line per component as it becomes ready, with the time it took. */
final class Progress {

    private final PrintStream out;
    private final long startedAt = System.nanoTime();

    Progress(PrintStream out) {
        this.out = out;
    }

    /** Runs one start-up step and prints its line: name, what it offers, seconds taken. */
    <T> T step(String component, Supplier<T> start, Function<T, String> describe) {
        long stepStartedAt = System.nanoTime();
        T started = start.get();
        out.printf(Locale.ROOT, "  ready  %-20s %-42s %5.1f s%n", component, describe.apply(started), seconds(stepStartedAt));
        return started;
    }

    /** Something the user should know that does not stop the start. */
    void warning(String component, String text) {
        out.printf(Locale.ROOT, "  note   %-20s %s%n", component, text);
    }

    void line(String text) {
        out.println(text);
    }

    double elapsedSeconds() {
        return seconds(startedAt);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
