package org.cdcpipeline.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.cdcpipeline.embedded.Ports;
import org.cdcpipeline.embedded.QuarkusApplication;
import org.cdcpipeline.embedded.StartupException;

/**
 * One of the pipeline's Quarkus services, run from its own built jar as a child process, with its log in a file.
 * Started means ready: {@code /q/health/ready} answered 200.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    /** A small heap with the serial collector: a local service on a small machine. */
    private static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xmx256m");

    /** A graceful shutdown; a run that trains its start-up archive writes it then, which takes some seconds more. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration TRAINING_STOP_TIMEOUT = Duration.ofSeconds(120);

    private final String name;
    private final Process process;
    private final URI url;
    private final Path logFile;
    private final boolean training;

    private ServiceProcess(String name, Process process, URI url, Path logFile, boolean training) {
        this.name = name;
        this.process = process;
        this.url = url;
        this.logFile = logFile;
        this.training = training;
    }

    /**
     * @param trainStartupArchive start with the archive trained on earlier runs, or train it in this one
     * @param warnings            told when the service has to start without its start-up archive
     */
    static ServiceProcess start(String name, Path projectDirectory, int port, Map<String, String> environment, Path logDirectory,
            boolean trainStartupArchive, Consumer<String> warnings) {
        QuarkusApplication application = new QuarkusApplication(projectDirectory.resolve("services").resolve(name).resolve("target/quarkus-app"));
        if (!application.isBuilt()) {
            throw new StartupException("The " + name + " service is not built (" + application.runnerJar()
                    + " is missing). Build it with: ./mvnw package -DskipTests");
        }
        Ports.requireFree(name, port, "--" + name + "-port or CDC_" + name.toUpperCase().replace('-', '_') + "_PORT");
        Path logFile = logDirectory.resolve(name + ".log");
        QuarkusApplication.TrainedStart start = trainStartupArchive
                ? application.trainedProcessBuilder(JVM_OPTIONS, warnings)
                : new QuarkusApplication.TrainedStart(application.processBuilder(JVM_OPTIONS, warnings), false);
        ProcessBuilder builder = start.processBuilder()
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("QUARKUS_HTTP_HOST", Ports.LOOPBACK);
        try {
            Process process = builder.start();
            ServiceProcess service = new ServiceProcess(name, process, URI.create("http://" + Ports.LOOPBACK + ":" + port), logFile,
                    start.training());
            service.awaitReady();
            return service;
        } catch (IOException e) {
            throw new StartupException("Could not start " + name + ": " + e.getMessage(), e);
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(url.resolve("/q/health/ready")).timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new StartupException(name + " exited with code " + process.exitValue() + " while starting. See its log: " + logFile);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep polling until the deadline
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new StartupException("Interrupted while waiting for " + name, e);
            }
            sleep(100);
        }
        close();
        throw new StartupException(name + " was not ready within " + READY_TIMEOUT.toSeconds() + " s. See its log: " + logFile);
    }

    URI url() {
        return url;
    }

    /** Whether this run trains the service's start-up archive, written as it stops. */
    boolean training() {
        return training;
    }

    Path logFile() {
        return logFile;
    }

    /** SIGKILL: the process gets no chance to clean up, as in a crash. */
    void kill() {
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM, which Quarkus answers with a graceful shutdown; SIGKILL if that takes too long. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor((training ? TRAINING_STOP_TIMEOUT : STOP_TIMEOUT).toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("Interrupted while starting the services", e);
        }
    }
}
