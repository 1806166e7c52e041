package org.cdcpipeline.launcher;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.cdcpipeline.embedded.Ports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Whether the pipeline runs, and whether each of its components answers on its port. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show whether the pipeline and each component are up.")
final class StatusCommand implements Callable<Integer> {

    @Mixin
    StateDirectoryOption state;

    @Override
    public Integer call() {
        LauncherState launcherState = state.state();
        Optional<LauncherState.Running> running = launcherState.running();
        if (running.isEmpty()) {
            System.out.println("The pipeline is not running (state directory " + launcherState.stateDirectory() + ").");
            return 3;
        }
        LocalSettings.Ports ports = running.get().ports();
        System.out.println("The pipeline is running (launcher pid " + running.get().process().pid() + ").");
        Map<String, Integer> components = new LinkedHashMap<>();
        components.put("PostgreSQL", ports.postgres());
        components.put("Kafka broker", ports.kafka());
        components.put("Kafka Connect", ports.connect());
        components.put("transaction-writer", ports.transactionWriter());
        components.put("notifier", ports.notifier());
        boolean allUp = true;
        for (Map.Entry<String, Integer> component : components.entrySet()) {
            boolean up = !Ports.isFree(component.getValue());
            allUp &= up;
            System.out.printf("  %-5s %-20s %s:%d%n", up ? "up" : "DOWN", component.getKey(), Ports.LOOPBACK, component.getValue());
        }
        return allUp ? 0 : 1;
    }
}
