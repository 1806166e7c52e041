package org.cdcpipeline.launcher;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.cdcpipeline.embedded.StartupException;
import org.cdcpipeline.embedded.postgres.FileTrees;
import org.cdcpipeline.embedded.postgres.PostgresServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Deletes all local state: the next start is a first start again (new database, new topics, demo data). */
@Command(name = "wipe", mixinStandardHelpOptions = true, description = "Delete all local data (database, topics, offsets, logs).")
final class WipeCommand implements Callable<Integer> {

    @Mixin
    StateDirectoryOption state;

    @Override
    public Integer call() {
        LauncherState launcherState = state.state();
        launcherState.running().ifPresent(running -> {
            throw new StartupException("The pipeline is running (launcher pid " + running.process().pid() + "): stop it first with ./cdc stop.");
        });
        Path postgresHome = PostgresServer.homeFor(launcherState.stateDirectory());
        FileTrees.deleteRecursively(postgresHome);
        FileTrees.deleteRecursively(launcherState.stateDirectory());
        System.out.println("Deleted " + launcherState.stateDirectory() + (postgresHome.startsWith(launcherState.stateDirectory()) ? "" : " and " + postgresHome) + ".");
        return 0;
    }
}
