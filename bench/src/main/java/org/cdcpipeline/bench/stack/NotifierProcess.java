package org.cdcpipeline.bench.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.cdcpipeline.embedded.Ports;
import org.cdcpipeline.embedded.QuarkusApplication;
import org.cdcpipeline.embedded.StartupException;

/**
 * The notifier's built Quarkus application ({@code quarkus-app/quarkus-run.jar}) as a child process, started as the
 * local launcher starts it: the same Java, the environment of the shared configuration contract, its output in a log
 * file. Where util-linux's setpriv exists, the child is told to stop when its parent dies, so a killed benchmark
 * leaves no notifier behind (the signal follows the launching thread: launch from the main thread).
 */
public final class NotifierProcess implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(20);
    private static final List<String> INHERITED_SETTINGS = List.of("SLACK_", "CDC_", "KAFKA_", "QUARKUS_", "MP_MESSAGING_", "JAVA_TOOL_OPTIONS");

    private final Process process;
    private final URI url;
    private final Path log;
    private final long launchedNanos;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private NotifierProcess(Process process, URI url, Path log, long launchedNanos) {
        this.process = process;
        this.url = url;
        this.log = log;
        this.launchedNanos = launchedNanos;
    }

    /** The application's folder as {@code mvn package} leaves it; fails with the build command when it is missing. */
    public static Path requireBuilt(Path app) {
        if (!new QuarkusApplication(app).isBuilt()) {
            throw new StartupException("The notifier is not built (" + app.toAbsolutePath().normalize().resolve(QuarkusApplication.RUNNER_JAR)
                    + " is missing). Build it with: ./mvnw -B -q -f services/notifier/pom.xml package -DskipTests, or pass --notifier-app.");
        }
        return app;
    }

    /** Starts the process without waiting for it: see {@link #awaitReady}. */
    public static NotifierProcess launch(Path app, List<String> jvmOptions, Map<String, String> environment, Path log) throws IOException {
        int port = Ports.findFree();
        // As ./cdc starts it: from its folder, with its start-up archive when this Java wrote it.
        ProcessBuilder builder = new QuarkusApplication(requireBuilt(app)).processBuilder(jvmOptions,
                warning -> System.out.println("  note: notifier " + warning)).redirectErrorStream(true).redirectOutput(log.toFile());
        // Only the benchmark's settings: none inherited from the shell (a real SLACK_BOT_TOKEN must never be posted to).
        builder.environment().keySet().removeIf(name -> INHERITED_SETTINGS.stream().anyMatch(name::startsWith));
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("QUARKUS_HTTP_HOST", Ports.LOOPBACK);
        long launched = System.nanoTime();
        return new NotifierProcess(builder.start(), URI.create("http://" + Ports.LOOPBACK + ":" + port), log, launched);
    }

    /** Polls {@code /q/health/ready} until it answers 200; returns the time from launch to that answer. */
    public Duration awaitReady(Duration timeout) throws InterruptedException {
        HttpRequest ready = HttpRequest.newBuilder(url.resolve("/q/health/ready")).timeout(Duration.ofSeconds(5)).build();
        long deadline = launchedNanos + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new StartupException("The notifier exited with code " + process.exitValue() + " while starting; see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - launchedNanos);
                }
            } catch (IOException notListeningYet) {
                // keep polling until the deadline
            }
            Thread.sleep(POLL);
        }
        close();
        throw new StartupException("The notifier was not ready within " + timeout.toSeconds() + " s; see " + log);
    }

    /** The text of {@code /q/metrics}, or null while the notifier does not answer. */
    public String metrics() throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url.resolve("/q/metrics")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException notAnswering) {
            return null;
        }
    }

    /** When the process was started (System.nanoTime). */
    public long launchedNanos() {
        return launchedNanos;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** SIGTERM, which Quarkus answers with a graceful shutdown (its consumer leaves the group); SIGKILL if that hangs. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
