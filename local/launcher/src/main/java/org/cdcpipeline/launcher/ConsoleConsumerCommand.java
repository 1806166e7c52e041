package org.cdcpipeline.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.kafka.tools.consumer.ConsoleConsumer;
import org.cdcpipeline.embedded.Ports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * Kafka's own console consumer ({@code kafka-console-consumer.sh}), pointed at the local broker, for machines
 * without a Kafka installation. Every option of Kafka's tool passes through.
 */
@Command(name = "console-consumer", mixinStandardHelpOptions = false,
        description = "Kafka's console consumer on the local broker, e.g. --topic bank.public.transactions --from-beginning.")
final class ConsoleConsumerCommand implements Callable<Integer> {

    @Option(names = "--kafka-port", defaultValue = "${env:CDC_KAFKA_PORT:-19092}", description = "The local broker's port (default ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Unmatched
    List<String> kafkaOptions = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        List<String> arguments = new ArrayList<>(List.of("--bootstrap-server", Ports.LOOPBACK + ":" + kafkaPort));
        arguments.addAll(kafkaOptions);
        ConsoleConsumer.main(arguments.toArray(String[]::new));
        return 0;
    }
}
