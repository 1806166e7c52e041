package org.cdcpipeline.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The launcher run as a user runs it, in its own JVM, so a test can stop it with SIGTERM or kill it with SIGKILL. */
final class LauncherProcess {

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final CompletableFuture<Void> up = new CompletableFuture<>();
    private final Thread follower;

    private LauncherProcess(Process process) {
        this.process = process;
        this.follower = Thread.ofPlatform().daemon().name("launcher-output").start(this::follow);
    }

    static LauncherProcess up(LocalSettings settings) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), CdcCommand.class.getName(), "up"));
        command.addAll(TestPipelines.options(settings));
        LauncherProcess launcher = new LauncherProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
        launcher.awaitUp(Duration.ofSeconds(120));
        return launcher;
    }

    private void follow() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                output.append(line).append('\n');
                if (line.startsWith("The CDC pipeline is up")) {
                    up.complete(null);
                }
            }
        } catch (IOException e) {
            up.completeExceptionally(e);
        }
        up.completeExceptionally(new IllegalStateException("the launcher exited before it was up:\n" + output));
    }

    private void awaitUp(Duration timeout) {
        try {
            up.get(timeout.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new AssertionError("the launcher did not come up:\n" + output, e);
        }
    }

    /** Ctrl-C: the launcher stops every component in reverse order. */
    void stopGracefully() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            throw new AssertionError("the launcher did not stop within 90 s:\n" + output);
        }
        follower.join(Duration.ofSeconds(10));
    }

    /** SIGKILL: Kafka and Kafka Connect die mid-flight with the launcher's JVM. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    String output() {
        return output.toString();
    }
}
