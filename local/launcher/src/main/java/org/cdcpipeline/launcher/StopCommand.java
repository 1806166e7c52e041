package org.cdcpipeline.launcher;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Asks a running launcher to stop (SIGTERM), which stops every component in reverse order, and waits for it. */
@Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop a pipeline started from another terminal.")
final class StopCommand implements Callable<Integer> {

    @Mixin
    StateDirectoryOption state;

    @Override
    public Integer call() throws Exception {
        Optional<LauncherState.Running> running = state.state().running();
        if (running.isEmpty()) {
            System.out.println("The pipeline is not running.");
            return 0;
        }
        ProcessHandle launcher = running.get().process();
        System.out.println("Stopping the pipeline (launcher pid " + launcher.pid() + ")...");
        launcher.destroy();
        // A first run after a build writes the services' trained start-up archives as they stop (ServiceProcess).
        launcher.onExit().get(300, TimeUnit.SECONDS);
        System.out.println("Stopped.");
        return 0;
    }
}
