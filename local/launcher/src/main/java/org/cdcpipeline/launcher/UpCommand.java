package org.cdcpipeline.launcher;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.cdcpipeline.embedded.StartupException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Starts the whole pipeline in the foreground; Ctrl-C (or {@code ./cdc stop}) stops it in reverse order. */
@Command(name = "up", mixinStandardHelpOptions = true, description = "Start the whole pipeline and keep it running until Ctrl-C.")
final class UpCommand implements Callable<Integer> {

    @Mixin
    StateDirectoryOption state;

    @Option(names = "--project-dir", defaultValue = "${env:CDC_PROJECT_DIR:-.}", description = "The checkout whose services to run (default: the current directory).")
    Path projectDirectory;

    @Option(names = "--postgres-port", defaultValue = "${env:CDC_POSTGRES_PORT:-15432}", description = "PostgreSQL (env CDC_POSTGRES_PORT, default ${DEFAULT-VALUE}).")
    int postgresPort;

    @Option(names = "--kafka-port", defaultValue = "${env:CDC_KAFKA_PORT:-19092}", description = "Kafka clients (env CDC_KAFKA_PORT, default ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--kafka-controller-port", defaultValue = "${env:CDC_KAFKA_CONTROLLER_PORT:-19093}", description = "Kafka's KRaft controller (env CDC_KAFKA_CONTROLLER_PORT, default ${DEFAULT-VALUE}).")
    int kafkaControllerPort;

    @Option(names = "--connect-port", defaultValue = "${env:CDC_CONNECT_PORT:-18083}", description = "Kafka Connect REST API (env CDC_CONNECT_PORT, default ${DEFAULT-VALUE}).")
    int connectPort;

    @Option(names = "--transaction-writer-port", defaultValue = "${env:CDC_TRANSACTION_WRITER_PORT:-8080}", description = "transaction-writer HTTP (env CDC_TRANSACTION_WRITER_PORT, default ${DEFAULT-VALUE}).")
    int writerPort;

    @Option(names = "--notifier-port", defaultValue = "${env:CDC_NOTIFIER_PORT:-8081}", description = "notifier HTTP (env CDC_NOTIFIER_PORT, default ${DEFAULT-VALUE}).")
    int notifierPort;

    @Option(names = "--no-demo-data", negatable = true, defaultValue = "true", description = "Write a few demo rows on the first start (default: yes).")
    boolean demoData;

    @Option(names = "--no-startup-training", negatable = true, defaultValue = "true",
            description = "Start the services with start-up archives trained on their earlier runs here; the first run after a build trains them, "
                    + "starting and stopping more slowly (default: yes, on Java 25 or later).")
    boolean trainStartupArchives;

    @Option(names = "--generate", paramLabel = "<rate>", defaultValue = "0",
            description = "Start the transaction-writer's generator of fake transactions at <rate> per second (default: off).")
    int generatorRate;

    @Override
    public Integer call() throws InterruptedException {
        if (generatorRate < 0) {
            throw new StartupException("--generate needs a rate of 0 (off) or more transactions per second, not " + generatorRate);
        }
        PrintStream out = System.out;
        LauncherState launcherState = state.state();
        launcherState.running().ifPresent(running -> {
            throw new StartupException("The pipeline is already running on " + launcherState.stateDirectory() + " (launcher pid "
                    + running.process().pid() + "). See it with ./cdc status, stop it with ./cdc stop.");
        });
        LocalSettings settings = new LocalSettings(projectDirectory.toAbsolutePath().normalize(), launcherState.stateDirectory(),
                new LocalSettings.Ports(postgresPort, kafkaPort, kafkaControllerPort, connectPort, writerPort, notifierPort), demoData, generatorRate,
                trainStartupArchives);
        ComponentLogs.configure(settings.stateDirectory().resolve("logs"));

        out.println("Starting the CDC pipeline (state in " + settings.stateDirectory() + ")");
        long startedAt = System.nanoTime();
        Pipeline pipeline = Pipeline.start(settings, out);
        launcherState.write(ProcessHandle.current().pid(), settings.ports());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("Stopping the CDC pipeline...");
            try {
                pipeline.close();
            } finally {
                launcherState.clear();
                out.println("Stopped.");
                stopped.countDown();
            }
        }, "cdc-shutdown"));
        out.print(Summary.of(settings, (System.nanoTime() - startedAt) / 1e9));
        out.println(String.format(Locale.ROOT, "Press Ctrl-C to stop (or run ./cdc stop)."));
        stopped.await();
        return 0;
    }
}
