package org.cdcpipeline.launcher;

import java.util.concurrent.Callable;

import org.cdcpipeline.embedded.StartupException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./cdc}: the local pipeline's command line. Without a subcommand it starts the pipeline. */
@Command(name = "cdc", mixinStandardHelpOptions = true, version = "cdc-pipeline 0.1.0",
        description = "Runs the CDC pipeline on this machine: PostgreSQL → Debezium on Kafka Connect → Kafka → notifier.",
        subcommands = {UpCommand.class, StatusCommand.class, StopCommand.class, WipeCommand.class, ConsoleConsumerCommand.class})
public final class CdcCommand implements Callable<Integer> {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new CdcCommand())
                .setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
                    if (exception instanceof StartupException) {
                        commandLine.getErr().println("error: " + exception.getMessage());
                        return 1;
                    }
                    throw exception;
                });
    }

    @Override
    public Integer call() {
        return commandLine().execute("up");
    }
}
