package org.cdcpipeline.bench.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.cdcpipeline.embedded.StartupException;

/** A component of the stack in its own JVM (see {@link ComponentMain}), started with this JVM's classpath. */
public final class ChildJvm implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;
    private final Path readyFile;

    private ChildJvm(String name, Process process, Path log, Path readyFile) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.readyFile = readyFile;
    }

    /** Launches the component without waiting for it: see {@link #awaitReady}. */
    public static ChildJvm launch(String name, List<String> jvmOptions, List<String> componentArgs, Path workDirectory) throws IOException {
        Path readyFile = workDirectory.resolve(name + ".ready");
        Files.deleteIfExists(readyFile);
        Path log = workDirectory.resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Dcdc.log.file=" + log, "-cp", System.getProperty("java.class.path"), ComponentMain.class.getName()));
        command.add(componentArgs.getFirst());
        command.add(readyFile.toString());
        command.addAll(componentArgs.subList(1, componentArgs.size()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.resolveSibling(name + ".out").toFile()).start();
        return new ChildJvm(name, process, log, readyFile);
    }

    /** Waits until the component serves; one that dies or times out first is stopped and fails, naming its logs. */
    public ChildJvm awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.exists(readyFile)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                close();
                throw new StartupException(name + " did not start (see " + log.resolveSibling(name + ".out") + " and " + log + ")");
            }
            Thread.sleep(50);
        }
        return this;
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
